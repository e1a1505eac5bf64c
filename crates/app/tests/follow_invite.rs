//! Follows (フォロー) and friend invitations (友達招待) on both databases: the follow rules, the
//! new-service fan-out and its setting, the privacy switch that hides a name but keeps the
//! count, the invite code through sign-up to the first completed purchase (points booked
//! once, also under concurrent completions), self-invites, the monthly cap, purge and export.

mod support;

use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::follows;
use yorozu_app::mail::MailCategory;
use yorozu_app::notifications::grid::{self, Changes, Channel};
use yorozu_app::orders::deliver;
use yorozu_app::promotions::invitations;
use yorozu_domain::notifications::{NotificationKind, NotificationSubject};
use yorozu_domain::{OrderId, UserId};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::withdrawal::{close_now, purge_all};
use support::*;

async fn followed_notifications(t: &TestApp, user: UserId) -> Vec<NotificationSubject> {
    yorozu_app::notifications::centre::page(&t.app, user, 1)
        .await
        .expect("page")
        .notifications
        .into_iter()
        .filter(|n| n.kind == NotificationKind::FollowedSellerNewService)
        .map(|n| n.subject)
        .collect()
}

both_backends!(following_a_seller_follows_the_rules, |db: Db| async move {
    let m = market(db.clone()).await;
    let app = &m.t.app;
    // Following, twice, is one follow.
    assert!(
        follows::set(app, &m.buyer, m.seller.id, true)
            .await
            .expect("follow")
    );
    assert!(
        follows::set(app, &m.buyer, m.seller.id, true)
            .await
            .expect("again")
    );
    assert_eq!(
        follows::follower_count(app, m.seller.id)
            .await
            .expect("count"),
        1
    );
    assert_eq!(m.t.count("follows").await, 1);
    assert!(
        follows::is_following(
            app,
            yorozu_app::catalog::sync(app).await.expect("sync"),
            &m.buyer,
            m.seller.id
        )
        .await
        .expect("is")
    );
    let mine = follows::following(app, &m.buyer).await.expect("following");
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].seller_id, m.seller.id);
    assert_eq!(mine[0].display_name, "売り手");
    // Oneself: refused.
    let own = follows::set(app, &m.seller, m.seller.id, true).await;
    assert!(
        matches!(own, Err(AppError::Conflict("follow-self"))),
        "{own:?}"
    );
    // Unknown member: not found.
    let unknown = follows::set(app, &m.buyer, UserId::new(1), true).await;
    assert!(matches!(unknown, Err(AppError::NotFound)), "{unknown:?}");
    // Unfollowing, twice, leaves nothing.
    assert!(
        !follows::set(app, &m.buyer, m.seller.id, false)
            .await
            .expect("unfollow")
    );
    assert!(
        !follows::set(app, &m.buyer, m.seller.id, false)
            .await
            .expect("again")
    );
    assert_eq!(
        follows::follower_count(app, m.seller.id)
            .await
            .expect("count"),
        0
    );
    assert!(
        follows::following(app, &m.buyer)
            .await
            .expect("following")
            .is_empty()
    );

    // A suspended seller cannot be followed.
    let operator = operator(&m.t).await;
    yorozu_app::moderation::suspension::suspend(
        app,
        &operator,
        m.seller.id,
        &yorozu_app::moderation::suspension::SuspensionInput {
            reason: "規約違反のため".into(),
            orders: "continue".into(),
        },
    )
    .await
    .expect("suspend");
    let suspended = follows::set(app, &m.buyer, m.seller.id, true).await;
    assert!(
        matches!(
            suspended,
            Err(AppError::Conflict("follow-seller-unavailable"))
        ),
        "{suspended:?}"
    );

    // A withdrawn seller cannot be followed.
    let other = confirmed_member(&m.t, "other@example.jp", "退会予定").await;
    close_now(&m.t, &other, false).await;
    let closed = follows::set(app, &m.buyer, other.id, true).await;
    assert!(matches!(closed, Err(AppError::NotFound)), "{closed:?}");
});

both_backends!(a_block_ends_following_and_refuses_it, |db: Db| async move {
    let m = market(db).await;
    let app = &m.t.app;
    follows::set(app, &m.buyer, m.seller.id, true)
        .await
        .expect("follow");
    follows::set(app, &m.seller, m.buyer.id, true)
        .await
        .expect("followed back");
    // The seller blocks the buyer: neither follows the other any more.
    yorozu_app::safety::blocks::block(app, &m.seller, m.buyer.id)
        .await
        .expect("block");
    assert_eq!(m.t.count("follows").await, 0);
    // Following is refused in both directions while the block stands.
    for (member, other) in [(&m.buyer, m.seller.id), (&m.seller, m.buyer.id)] {
        let refused = follows::set(app, member, other, true).await;
        assert!(
            matches!(refused, Err(AppError::Conflict("follow-blocked"))),
            "{refused:?}"
        );
    }
    yorozu_app::safety::blocks::unblock(app, &m.seller, m.buyer.id)
        .await
        .expect("unblock");
    assert!(
        follows::set(app, &m.buyer, m.seller.id, true)
            .await
            .expect("follow again")
    );
});

both_backends!(
    a_new_service_reaches_followers_once_and_respects_the_setting,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let app = &m.t.app;
        let quiet = confirmed_member(&m.t, "quiet@example.jp", "静か").await;
        follows::set(app, &m.buyer, m.seller.id, true)
            .await
            .expect("follow");
        follows::set(app, &quiet, m.seller.id, true)
            .await
            .expect("follow");
        // The quiet follower switched the on-site cell of the row off.
        grid::update(
            app,
            quiet.id,
            &Changes {
                cells: vec![(MailCategory::Favorites, Channel::Site, false)],
                message_digest: None,
            },
        )
        .await
        .expect("grid");
        m.t.run_jobs().await;
        let before = m.t.mails_to("buyer@example.jp").await.len();

        let form = listing_form("名刺をデザインします", "印象に残る名刺をお作りします。");
        let new = publish_new(&m.t, &m.seller, &form).await;
        // Publishing only queued the fan-out: nobody is told inside the publishing transaction.
        assert!(followed_notifications(&m.t, m.buyer.id).await.is_empty());
        m.t.run_jobs().await;
        assert_eq!(
            followed_notifications(&m.t, m.buyer.id).await,
            vec![NotificationSubject::Listing(new)]
        );
        assert!(followed_notifications(&m.t, quiet.id).await.is_empty());
        // The mail cell of the same row is on by default: the follower is mailed too.
        let mails = m.t.mails_to("buyer@example.jp").await;
        assert_eq!(mails.len(), before + 1);
        assert!(
            mails
                .iter()
                .any(|mail| mail.body_text.contains("名刺をデザインします"))
        );

        // Pausing and resuming, or editing, is not a new service.
        use yorozu_app::listings::manage::{Action, apply};
        apply(app, &m.seller, new, Action::Pause)
            .await
            .expect("pause");
        apply(app, &m.seller, new, Action::Resume)
            .await
            .expect("resume");
        m.t.run_jobs().await;
        assert_eq!(followed_notifications(&m.t, m.buyer.id).await.len(), 1);
        // A non-follower is not told.
        let stranger = confirmed_member(&m.t, "stranger@example.jp", "通りすがり").await;
        assert!(followed_notifications(&m.t, stranger.id).await.is_empty());
    }
);

both_backends!(
    the_fan_out_runs_in_pages_for_many_followers,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let app = &m.t.app;
        // The market's own service was announced (to nobody) before the fans arrive.
        m.t.run_jobs().await;
        let total = yorozu_app::follows::fan_out::PAGE + 5;
        let now = app.now();
        {
            // Members straight into the store (sign-up would take minutes for hundreds).
            let mut tx = app.db.begin().await.expect("tx");
            for i in 0..total {
                let id: UserId = app.new_id();
                yorozu_store::accounts::users::insert(
                    &mut tx,
                    &yorozu_store::accounts::users::NewUser {
                        id,
                        email: &format!("fan{i}@example.jp"),
                        password_hash: "x",
                        role: yorozu_domain::accounts::Role::Member,
                        locale: "ja",
                        now,
                    },
                )
                .await
                .expect("user");
                yorozu_store::follows::add(&mut tx, app.new_id(), id, m.seller.id, now)
                    .await
                    .expect("follow");
            }
            tx.commit().await.expect("commit");
        }
        let form = listing_form("動画を編集します", "短い動画を編集いたします。");
        publish_new(&m.t, &m.seller, &form).await;
        m.t.run_jobs().await;
        let told =
            m.t.count("notifications WHERE kind = 'followed_seller_new_service'")
                .await;
        assert_eq!(told, total);
    }
);

both_backends!(a_hidden_fan_is_counted_but_not_named, |db: Db| async move {
    let m = market(db.clone()).await;
    let app = &m.t.app;
    let shy = confirmed_member(&m.t, "shy@example.jp", "内気").await;
    for member in [&m.buyer, &shy] {
        follows::set(app, member, m.seller.id, true)
            .await
            .expect("follow");
        yorozu_app::listings::favorites::set(app, member, m.listing, true)
            .await
            .expect("favourite");
    }
    assert!(
        follows::listed_to_sellers(app, &shy)
            .await
            .expect("default")
    );
    follows::set_listed_to_sellers(app, &shy, false)
        .await
        .expect("hide");
    assert!(!follows::listed_to_sellers(app, &shy).await.expect("hidden"));
    let fans = follows::fans(app, &m.seller).await.expect("fans");
    assert_eq!(fans.follower_count, 2);
    assert_eq!(fans.followers.len(), 2);
    assert_eq!(fans.favouriters.len(), 2);
    for list in [&fans.followers, &fans.favouriters] {
        let named: Vec<_> = list.iter().filter_map(|f| f.display_name.clone()).collect();
        assert_eq!(named, vec!["買い手".to_owned()]);
        assert_eq!(list.iter().filter(|f| f.user_id.is_none()).count(), 1);
    }
    assert!(
        fans.favouriters
            .iter()
            .all(|f| f.listing.as_ref().is_some_and(|(id, _)| *id == m.listing))
    );
    // Switched back on, the name shows again.
    follows::set_listed_to_sellers(app, &shy, true)
        .await
        .expect("show");
    let fans = follows::fans(app, &m.seller).await.expect("fans");
    assert!(fans.followers.iter().all(|f| f.display_name.is_some()));
});

/// A member registered through `code` (as the sign-up page does with the invite cookie).
async fn invited_member(t: &TestApp, code: &str, email: &str, name: &str) -> CurrentUser {
    let member = confirmed_member(t, email, name).await;
    assert!(
        invitations::record_sign_up(&t.app, member.id, code)
            .await
            .expect("record")
    );
    member
}

async fn complete(m: &Market, buyer: &CurrentUser, card: i64, key: &str) -> OrderId {
    let mut p = purchase(m, key);
    p.payment = yorozu_app::orders::place::Payment::Card(card);
    let placed = yorozu_app::orders::place::place(&m.t.app, buyer, &p)
        .await
        .expect("place");
    deliver(m, placed.order_id).await;
    deliver::approve(&m.t.app, buyer, placed.order_id)
        .await
        .expect("approve");
    placed.order_id
}

both_backends!(
    an_invited_members_first_completed_purchase_rewards_both_once,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let app = &m.t.app;
        // The buyer invites a friend.
        let mine = invitations::mine(app, &m.buyer).await.expect("invite");
        assert!(mine.url.ends_with(&format!("/invite/{}", mine.code)));
        assert_eq!(mine.code.len(), 12);
        assert_eq!(
            invitations::mine(app, &m.buyer).await.expect("again").code,
            mine.code
        );
        // The owner's own code is refused on the visit.
        let own = invitations::check_code(app, &mine.code, Some(&m.buyer)).await;
        assert!(
            matches!(own, Err(AppError::Conflict("invite-own-code"))),
            "{own:?}"
        );
        assert_eq!(
            invitations::check_code(app, &mine.code, None)
                .await
                .expect("ok"),
            m.buyer.id
        );
        assert!(invitations::check_code(app, "nope", None).await.is_err());
        // Recording the owner's own code for the owner is refused too.
        let self_invite = invitations::record_sign_up(app, m.buyer.id, &mine.code).await;
        assert!(
            matches!(self_invite, Err(AppError::Conflict("invite-own-code"))),
            "{self_invite:?}"
        );

        let friend = invited_member(&m.t, &mine.code, "friend@example.jp", "友人").await;
        assert_eq!(
            invitations::invited_by(app, friend.id).await.expect("by"),
            Some(m.buyer.id)
        );
        let card = register_card(&m.t, &friend, "4242424242424242").await;
        let inviter_before = points_balance(&db, m.buyer.id).await;

        complete(&m, &friend, card, "first").await;
        let invitee_points = app.policy.invite_reward_invitee_points;
        let inviter_points = app.policy.invite_reward_inviter_points;
        assert_eq!(points_balance(&db, friend.id).await, invitee_points);
        assert_eq!(
            points_balance(&db, m.buyer.id).await,
            inviter_before + inviter_points
        );
        // A second completed purchase rewards nobody.
        complete(&m, &friend, card, "second").await;
        assert_eq!(points_balance(&db, friend.id).await, invitee_points);
        assert_eq!(
            points_balance(&db, m.buyer.id).await,
            inviter_before + inviter_points
        );
        assert_eq!(m.t.count("invite_rewards").await, 1);
        // The points page shows the entry with its own kind.
        let view = yorozu_app::promotions::points::view(app, &friend)
            .await
            .expect("view");
        assert_eq!(
            view.history[0].kind,
            yorozu_domain::promotions::PointKind::InviteReward
        );
        assert!(view.expires_at.is_some());
        let counts = invitations::mine(app, &m.buyer).await.expect("counts");
        assert_eq!((counts.invited, counts.rewarded), (1, 1));
        // Operators see the graph's counts.
        let operator = operator(&m.t).await;
        let graph = invitations::graph(app, &operator).await.expect("graph");
        assert_eq!((graph.invitations, graph.rewards), (1, 1));
        assert_eq!(graph.inviters[0].user_id, m.buyer.id);
        assert!(matches!(
            invitations::graph(app, &m.buyer).await,
            Err(AppError::Forbidden)
        ));
        // A member who was not invited gets nothing from completing.
        assert_eq!(
            invitations::invited_by(app, m.buyer.id).await.expect("by"),
            None
        );
    }
);

both_backends!(
    concurrent_first_completions_book_the_reward_once,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let app = &m.t.app;
        // The inviter is the market's buyer: the friend buys from another seller.
        let code = invitations::mine(app, &m.buyer).await.expect("invite").code;
        let inviter_before = points_balance(&db, m.buyer.id).await;
        let friend = invited_member(&m.t, &code, "friend@example.jp", "友人").await;
        let card = register_card(&m.t, &friend, "4242424242424242").await;
        let mut orders = vec![];
        for key in ["a", "b", "c"] {
            let mut p = purchase(&m, key);
            p.payment = yorozu_app::orders::place::Payment::Card(card);
            let placed = yorozu_app::orders::place::place(app, &friend, &p)
                .await
                .expect("place");
            deliver(&m, placed.order_id).await;
            orders.push(placed.order_id);
        }
        let (a, b, c) = tokio::join!(
            deliver::approve(app, &friend, orders[0]),
            deliver::approve(app, &friend, orders[1]),
            deliver::approve(app, &friend, orders[2]),
        );
        a.expect("a");
        b.expect("b");
        c.expect("c");
        assert_eq!(m.t.count("invite_rewards").await, 1);
        assert_eq!(
            points_balance(&db, friend.id).await,
            app.policy.invite_reward_invitee_points
        );
        assert_eq!(
            points_balance(&db, m.buyer.id).await,
            inviter_before + app.policy.invite_reward_inviter_points
        );
    }
);

both_backends!(
    a_purchase_of_the_inviters_own_service_earns_nothing,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let app = &m.t.app;
        let code = invitations::mine(app, &m.seller)
            .await
            .expect("invite")
            .code;
        let friend = invited_member(&m.t, &code, "friend@example.jp", "友人").await;
        let card = register_card(&m.t, &friend, "4242424242424242").await;
        complete(&m, &friend, card, "own-service").await;
        // Points spent on the inviter's services would become the inviter's sales.
        assert_eq!(m.t.count("invite_rewards").await, 0);
        assert_eq!(points_balance(&db, friend.id).await, 0);
        assert_eq!(points_balance(&db, m.seller.id).await, 0);
    }
);

both_backends!(the_inviters_monthly_cap_holds, |db: Db| async move {
    let mut m = market(db.clone()).await;
    m.t.app.policy.invite_reward_monthly_cap = 1;
    let app = &m.t.app;
    let code = invitations::mine(app, &m.buyer).await.expect("invite").code;
    let inviter_before = points_balance(&db, m.buyer.id).await;
    for (i, email) in ["one@example.jp", "two@example.jp"].into_iter().enumerate() {
        let friend = invited_member(&m.t, &code, email, "友人").await;
        let card = register_card(&m.t, &friend, "4242424242424242").await;
        complete(&m, &friend, card, &format!("cap-{i}")).await;
        // Each invitee is rewarded whatever the inviter's cap.
        assert_eq!(
            points_balance(&db, friend.id).await,
            app.policy.invite_reward_invitee_points
        );
    }
    // The inviter only once this month.
    assert_eq!(
        points_balance(&db, m.buyer.id).await,
        inviter_before + app.policy.invite_reward_inviter_points
    );
    let counts = invitations::mine(app, &m.buyer).await.expect("counts");
    assert_eq!((counts.invited, counts.rewarded), (2, 2));
});

both_backends!(
    purge_erases_follows_and_invitations_and_keeps_points_entries,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let app = &m.t.app;
        let code = invitations::mine(app, &m.buyer).await.expect("invite").code;
        let friend = invited_member(&m.t, &code, "friend@example.jp", "友人").await;
        let card = register_card(&m.t, &friend, "4242424242424242").await;
        complete(&m, &friend, card, "purge").await;
        follows::set(app, &friend, m.seller.id, true)
            .await
            .expect("follow");
        follows::set(app, &m.buyer, friend.id, true)
            .await
            .expect("followed");
        let _ = invitations::mine(app, &friend).await.expect("own code");
        let entries_before = m.t.count("point_entries").await;
        let closed = close_now(&m.t, &friend, true).await;
        purge_all(&m.t, closed.withdrawal_id).await;
        assert_eq!(m.t.count("follows").await, 0);
        assert_eq!(m.t.count("invitations").await, 0);
        // The inviter's own code stays; the friend's is gone.
        assert_eq!(m.t.count("invite_codes").await, 1);
        // The reward row stays with the tombstone id: a new account gets a new id, and the
        // old one can never be rewarded twice.
        assert_eq!(m.t.count("invite_rewards").await, 1);
        // Points entries are kept (the forfeiture is one more).
        assert!(m.t.count("point_entries").await >= entries_before);
        // The inviter's counts keep the reward but no longer name the purged invitee.
        let counts = invitations::mine(app, &m.buyer).await.expect("counts");
        assert_eq!(counts.invited, 0);
    }
);

both_backends!(
    a_popular_sellers_followers_are_erased_in_batches,
    |db: Db| async move {
        let mut m = market(db).await;
        m.t.app.policy.purge_batch_size = 2;
        let app = &m.t.app;
        for i in 0..5 {
            let fan = confirmed_member(&m.t, &format!("fan{i}@example.jp"), "ファン").await;
            follows::set(app, &fan, m.seller.id, true)
                .await
                .expect("follow");
            if i < 3 {
                follows::set(app, &m.seller, fan.id, true)
                    .await
                    .expect("follow back");
            }
        }
        assert_eq!(m.t.count("follows").await, 8);
        let closed = close_now(&m.t, &m.seller, true).await;
        purge_all(&m.t, closed.withdrawal_id).await;
        assert_eq!(m.t.count("follows").await, 0);
    }
);

both_backends!(
    signing_up_again_with_the_same_address_earns_no_second_reward,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let app = &m.t.app;
        let code = invitations::mine(app, &m.buyer).await.expect("invite").code;
        let friend = invited_member(&m.t, &code, "friend@example.jp", "友人").await;
        let card = register_card(&m.t, &friend, "4242424242424242").await;
        complete(&m, &friend, card, "first").await;
        let invitee_points = app.policy.invite_reward_invitee_points;
        assert_eq!(points_balance(&db, friend.id).await, invitee_points);
        let inviter_after_first = points_balance(&db, m.buyer.id).await;

        // The friend withdraws, is purged, and signs up again through the same link with an
        // alias of the same mailbox.
        let closed = close_now(&m.t, &friend, true).await;
        purge_all(&m.t, closed.withdrawal_id).await;
        let again = invited_member(&m.t, &code, "friend+again@example.jp", "友人").await;
        assert_ne!(again.id, friend.id);
        let card = register_card(&m.t, &again, "4242424242424242").await;
        complete(&m, &again, card, "again").await;
        assert_eq!(points_balance(&db, again.id).await, 0);
        assert_eq!(
            points_balance(&db, m.buyer.id).await,
            inviter_after_first,
            "the inviter earns nothing for the same person twice"
        );
        // Another person invited the same way still brings a reward.
        let other = invited_member(&m.t, &code, "other@example.jp", "別の友人").await;
        let card = register_card(&m.t, &other, "4242424242424242").await;
        complete(&m, &other, card, "other").await;
        assert_eq!(points_balance(&db, other.id).await, invitee_points);
    }
);
