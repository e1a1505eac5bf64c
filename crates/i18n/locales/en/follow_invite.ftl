## Follows
follow-button-follow = Follow
follow-button-unfollow = Unfollow
follow-state-on = Following
follow-followers = { $count ->
    [one] { $count } follower
   *[other] { $count } followers
}
follow-self = You cannot follow yourself.
follow-blocked = You cannot follow a member you have blocked or who has blocked you.
follow-seller-unavailable = This seller cannot be followed at the moment.
flash-follow-added = You follow this seller now. We will tell you when they publish a new service.
flash-follow-removed = You no longer follow this seller.
following-title = Sellers you follow
following-empty = You do not follow any seller yet. Follow one from their profile or a service page.
following-since = Following since { $date }
fans-title = Followers and favourites
fans-intro = Members who followed you or favourited your services. Members who switched off showing their name appear as "A private member" and are still counted.
fans-followers-heading = Followers ({ $count })
fans-favouriters-heading = Favourites ({ $count })
fans-hidden = A private member
fans-empty = None yet.
fans-col-member = Member
fans-col-service = Service
fans-col-date = Date
sales-followers = Followers: { $count }
sales-fans-link = See followers and favourites
settings-nav-privacy = Privacy
privacy-title = Privacy settings
privacy-listed-label = Show my name to sellers when I follow them or favourite their services
privacy-listed-hint = When off, sellers see "A private member" (you are still counted among their followers and favourites).
privacy-save = Save
flash-privacy-saved = Your privacy settings were saved.
mail-followed-seller-new-service-subject = [Yorozu] { $seller }, whom you follow, published a new service
mail-followed-seller-new-service-body = { $seller }, whom you follow, published a new service.

    { $title }
    { $url }

    You can switch these notices off, by mail and on the site, under "News from favourite and followed sellers" in your notification settings.

## Invitations
settings-nav-invite = Invite friends
invite-title = Invite friends
invite-intro = When a friend signs up through the link below and their first purchase completes, they receive { $invitee } points and you receive { $inviter } points (your reward up to { $cap } times a month).
invite-link-label = Your invite link (copy it and send it)
invite-share-text = Join me on Yorozu, the skill marketplace. Sign up through this link and receive { $invitee } points when your first purchase completes. { $url }
invite-share-label = A message ready to send
invite-counts = Invited: { $invited } / Rewarded: { $rewarded }
invite-points-note = Points expire one year after you last acquired points.
invite-own-code = You cannot use your own invite link. Send it to your friends.
invite-landing-title = Invitation
invite-landing-body = { $name } invites you. Sign up, and when your first purchase completes you receive { $points } points.
invite-landing-signup = Sign up
invite-landing-unknown = This invite link cannot be used.
my-points-kind-invite_reward = Friend invitation reward
my-points-note-invite_reward = Friend invitation reward (the first purchase through an invitation completed)
operator-invitations-title = Friend invitations
operator-invitations-totals = Sign-ups by invitation: { $invitations } / Rewards booked: { $rewards }
operator-invitations-col-inviter = Inviter
operator-invitations-col-invited = Invited
operator-invitations-col-rewarded = Rewarded
operator-invitations-empty = No sign-ups by invitation yet.
operator-nav-invitations = Invitations
export-section-following = Sellers you follow
export-section-followers = Your followers (dates only)
export-section-invite_code = Invite code
export-section-invitations_sent = Members who signed up through your invitation
export-section-invite_rewards = Friend invitation rewards
data-follows-and-invitations-name = Follows and friend invitations
data-follows-and-invitations-fate-erased = Erased
data-follows-and-invitations-why = The sellers you follow, your followers, your invite code and the records of your invitations are erased. Points given as invitation rewards stay on record like all other points. If you received a reward, your e-mail address is kept only as a keyed hash that cannot be turned back into the address, so that signing up again with it does not earn the reward twice.
