# Category names (two levels). Keys are Category::message_id() in the domain crate:
# category-<slug> for a top-level category, category-<parent-slug>-<slug> for its children.

category-illust = Illustration & Portraits
category-illust-portrait = Portraits & caricatures
category-illust-icon = Icons & avatars
category-illust-character = Character design
category-illust-manga = Manga & comics
category-illust-vtuber = VTuber & Live2D
category-illust-book = Book illustrations & covers

category-logo = Logos
category-logo-business = Company & shop logos
category-logo-lettering = Wordmarks & logotypes
category-logo-sns = Logos for YouTube & social media
category-logo-trace = Logo tracing & edits

category-print = Business Cards, Flyers & Print
category-print-business-card = Business cards
category-print-flyer = Flyers & leaflets
category-print-pamphlet = Brochures & booklets
category-print-poster = Posters
category-print-menu = Menus

category-image = Images & Photo Editing
category-image-banner = Banners
category-image-thumbnail = Thumbnails
category-image-retouch = Photo editing & retouching
category-image-sns-post = Social media images
category-image-cutout = Background removal

category-web = Web Development & Design
category-web-homepage = Websites
category-web-landing-page = Landing pages
category-web-wordpress = WordPress sites & customisation
category-web-design = Web design
category-web-online-shop = Online shops
category-web-maintenance = Website fixes & maintenance

category-video = Video, Animation & Filming
category-video-editing = Video editing
category-video-animation = Animation
category-video-motion-graphics = Motion graphics
category-video-short = Short-form videos
category-video-filming = Filming & on-site photography

category-translation = Translation & Languages
category-translation-english = English translation
category-translation-chinese = Chinese translation
category-translation-korean = Korean translation
category-translation-other = Other languages
category-translation-native-check = Native checks & corrections
category-translation-lessons = Language lessons

category-writing = Writing & Naming
category-writing-article = Articles & blog posts
category-writing-copywriting = Copywriting & slogans
category-writing-naming = Naming
category-writing-proofreading = Proofreading & editing
category-writing-fiction = Scripts & fiction

category-fortune = Fortune Telling
category-fortune-tarot = Tarot
category-fortune-astrology = Astrology
category-fortune-numerology = Numerology
category-fortune-four-pillars = Four Pillars of Destiny
category-fortune-love = Love & compatibility readings
category-fortune-spiritual = Spiritual readings

category-consultation = Advice & Relationship Counselling
category-consultation-love = Relationship advice
category-consultation-life = Life advice
category-consultation-career = Work & career advice
category-consultation-relationships = Family & relationships
category-consultation-listening = Someone to talk to

category-it = IT & Programming
category-it-web-system = Web applications
category-it-app = Mobile apps
category-it-automation = Automation & tools
category-it-excel = Excel & VBA
category-it-infrastructure = Servers & infrastructure
category-it-support = PC support & IT advice

category-business = Business Services & Advice
category-business-data-entry = Data entry
category-business-assistant = Office & virtual assistance
category-business-marketing = Marketing & lead generation
category-business-documents = Business plans & documents
category-business-sns-management = Social media management

category-music = Music & Narration
category-music-composition = Composition & arrangement
category-music-lyrics = Lyrics
category-music-mixing = Mixing & mastering
category-music-narration = Narration
category-music-voice = Voice acting
category-music-singing = Vocals & guide vocals
