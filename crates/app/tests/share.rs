//! The share kit (シェア) on both databases: each network's text carries its own source tag on
//! the configured base URL, in the seller's language, and only the seller of a published
//! service gets it; the QR code's SVG holds the `?src=qr` URL (decoded back to its modules and
//! compared with `qrcode`'s own encoding); the Open Graph image is a 1200×630 PNG with ink
//! where the title is, changes with the title, is not found for a draft, a paused, a deleted
//! or a withdrawn seller's service, and does not survive in the cache once the seller is gone;
//! without its font the image is not offered and nothing else breaks.

mod support;

use image::GenericImageView;
use qrcode::{Color, QrCode};
use yorozu_app::AppError;
use yorozu_app::accounts::locale;
use yorozu_app::listings::{edit, manage};
use yorozu_app::share::{self, og_image};
use yorozu_domain::ListingId;
use yorozu_domain::locale::Locale;
use yorozu_domain::share::{Network, encode_component};
use yorozu_store::both_backends;

use support::withdrawal::close_now;
use support::*;

const TITLE: &str = "ロゴを作成します";

fn font_installed() -> bool {
    std::path::Path::new(yorozu_app::share::font::DEFAULT_PATH).exists()
}

both_backends!(
    each_networks_text_carries_its_tag_on_the_base_url_for_the_seller_only,
    |db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
        let other = confirmed_member(&t, "other@example.jp", "ほか").await;
        let mut form = listing_form(TITLE, "シンプルなロゴをお作りします。");
        form.price = "5000".into();
        let id = publish_new(&t, &seller, &form).await;
        let base = t.app.site.base_url.clone();

        let kit = share::kit(&t.app, &seller, id).await.expect("the kit");
        assert_eq!(kit.url, format!("{base}/services/{id}"));
        assert_eq!(kit.qr_url, format!("{base}/services/{id}?src=qr"));
        let keys: Vec<&str> = kit.posts.iter().map(|p| p.network.key()).collect();
        assert_eq!(keys, ["x", "facebook", "line", "instagram", "newsletter"]);
        for post in &kit.posts {
            let tagged = format!("{base}/services/{id}?src={}", post.network.key());
            assert_eq!(post.url, tagged);
            assert!(post.text.contains(&tagged), "{}", post.text);
            assert!(post.text.contains(TITLE), "{}", post.text);
            assert!(post.text.contains("¥5,000"), "{}", post.text);
            // Japanese, polite.
            assert!(
                post.text.contains("ます。")
                    || post.text.contains("ません。")
                    || post.text.contains("さい。"),
                "{}",
                post.text
            );
            // No other network's tag slipped in.
            for other in Network::ALL.iter().filter(|n| **n != post.network) {
                assert!(!post.text.contains(&format!("?src={}", other.key())));
            }
        }
        let link = |n: Network| {
            kit.posts
                .iter()
                .find(|p| p.network == n)
                .and_then(|p| p.share_link.clone())
        };
        let x = link(Network::X).expect("X has an intent");
        assert!(x.starts_with("https://x.com/intent/post?text="));
        assert!(x.contains(&encode_component(&format!("{base}/services/{id}?src=x"))));
        assert_eq!(
            link(Network::Line).as_deref(),
            Some(
                format!(
                    "https://social-plugins.line.me/lineit/share?url={}",
                    encode_component(&format!("{base}/services/{id}?src=line"))
                )
                .as_str()
            )
        );
        assert!(
            link(Network::Facebook)
                .is_some_and(|l| l.starts_with("https://www.facebook.com/sharer/sharer.php?u="))
        );
        assert_eq!(link(Network::Instagram), None);
        assert_eq!(link(Network::Newsletter), None);

        // The seller's language.
        locale::remember(&t.app, seller.id, Locale::En)
            .await
            .expect("english");
        let english = t.load_user(seller.id).await;
        let kit = share::kit(&t.app, &english, id).await.expect("the kit");
        assert!(kit.posts[0].text.contains("¥5,000"));
        assert!(
            kit.posts.iter().all(|p| !p.text.contains("。")),
            "{:?}",
            kit.posts
        );

        // Someone else's public service is forbidden, a draft is not found (theirs or not).
        assert!(matches!(
            share::kit(&t.app, &other, id).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            share::qr_svg(&t.app, &other, id).await,
            Err(AppError::Forbidden)
        ));
        let draft = edit::create(
            &t.app,
            &seller,
            &listing_form("下書きです", "まだ公開しません。"),
        )
        .await
        .expect("draft");
        for who in [&seller, &other] {
            assert!(matches!(
                share::kit(&t.app, who, draft).await,
                Err(AppError::NotFound)
            ));
        }
        manage::apply(&t.app, &seller, id, manage::Action::Pause)
            .await
            .expect("pause");
        assert!(matches!(
            share::kit(&t.app, &seller, id).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            share::kit(&t.app, &other, id).await,
            Err(AppError::NotFound)
        ));
    }
);

/// The dark modules of a QR code drawn by `qrcode`'s SVG renderer (one `M x y h s v s …`
/// square per dark module, a quiet zone of four modules).
fn modules_of_svg(svg: &str) -> Vec<Vec<bool>> {
    let attr = |name: &str| -> u32 {
        let start = svg.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
        let end = start + svg[start..].find('"').expect("closing quote");
        svg[start..end].parse().expect("a number")
    };
    let width = attr("width");
    let d_start = svg.find(" d=\"").expect("a path") + 4;
    let d = &svg[d_start..d_start + svg[d_start..].find('"').expect("path end")];
    let mut squares = Vec::new();
    for part in d.split('M').filter(|p| !p.is_empty()) {
        let (xy, rest) = part.split_once('h').expect("h");
        let (x, y) = xy.split_once(' ').expect("x y");
        let size: u32 = rest.split('v').next().expect("size").parse().expect("size");
        squares.push((
            x.parse::<u32>().expect("x"),
            y.parse::<u32>().expect("y"),
            size,
        ));
    }
    let module = squares.iter().map(|s| s.2).min().expect("some dark module");
    let n = (width / module - 8) as usize;
    let mut grid = vec![vec![false; n]; n];
    for (x, y, size) in squares {
        assert_eq!(size, module, "one square per module");
        grid[(y / module - 4) as usize][(x / module - 4) as usize] = true;
    }
    grid
}

fn modules_of(text: &str) -> Vec<Vec<bool>> {
    let code = QrCode::new(text.as_bytes()).expect("encodes");
    let n = code.width();
    code.to_colors()
        .chunks(n)
        .map(|row| row.iter().map(|c| *c == Color::Dark).collect())
        .collect()
}

both_backends!(the_qr_code_holds_the_url_tagged_qr, |db| async move {
    let t = test_app(db);
    let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
    let id = publish_new(
        &t,
        &seller,
        &listing_form(TITLE, "シンプルなロゴをお作りします。"),
    )
    .await;
    let svg = share::qr_svg(&t.app, &seller, id).await.expect("the svg");
    assert!(svg.contains("<svg"));
    let expected = format!("{}/services/{id}?src=qr", t.app.site.base_url);
    let drawn = modules_of_svg(&svg);
    assert_eq!(drawn, modules_of(&expected));
    // The decoding can fail: another tag draws other modules.
    assert_ne!(
        drawn,
        modules_of(&format!("{}/services/{id}?src=x", t.app.site.base_url))
    );
});

fn decode(png: &[u8]) -> image::DynamicImage {
    image::load_from_memory_with_format(png, image::ImageFormat::Png).expect("a PNG")
}

/// Pixels in the title's area that are not the background.
fn inked(img: &image::DynamicImage) -> usize {
    let (x0, y0, x1, y1) = og_image::TITLE_AREA;
    let mut n = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            let p = img.get_pixel(x, y).0;
            if p[0] < 200 || p[1] < 200 || p[2] < 200 {
                n += 1;
            }
        }
    }
    n
}

both_backends!(
    the_og_image_is_a_1200_by_630_png_of_the_title_and_changes_with_it,
    |db| async move {
        if !font_installed() {
            eprintln!("skipped: fonts-ipaexfont-gothic is not installed");
            return;
        }
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
        let form = listing_form(TITLE, "シンプルなロゴをお作りします。");
        let id = publish_new(&t, &seller, &form).await;
        let first = og_image::og_image(&t.app, id).await.expect("an image");
        assert!(first.png.starts_with(b"\x89PNG\r\n\x1a\n"));
        let img = decode(&first.png);
        assert_eq!(img.dimensions(), (1200, 630));
        let ink = inked(&img);
        assert!(ink > 2_000, "the title is drawn: {ink} pixels");
        // From the cache the second time.
        assert!(t.app.catalog.holds_og_image(id));
        let again = og_image::og_image(&t.app, id).await.expect("an image");
        assert!(std::sync::Arc::ptr_eq(&first, &again));

        // A longer title: other pixels, another ETag.
        let mut longer = form.clone();
        longer.title = "ロゴと名刺のデザインをまとめて丁寧に作成いたします".into();
        edit::update(&t.app, &seller, id, &longer)
            .await
            .expect("edit");
        let second = og_image::og_image(&t.app, id).await.expect("an image");
        assert_ne!(second.etag, first.etag);
        assert_ne!(second.png, first.png);
        assert!(inked(&decode(&second.png)) > ink);
        // A price change alone changes it too.
        let mut dearer = longer.clone();
        dearer.price = "8000".into();
        edit::update(&t.app, &seller, id, &dearer)
            .await
            .expect("edit");
        let third = og_image::og_image(&t.app, id).await.expect("an image");
        assert_ne!(third.etag, second.etag);
    }
);

async fn not_found(t: &TestApp, id: ListingId) -> bool {
    matches!(
        og_image::og_image(&t.app, id).await,
        Err(AppError::NotFound)
    )
}

both_backends!(
    only_public_services_have_an_og_image_and_a_withdrawn_sellers_leaves_the_cache,
    |db| async move {
        if !font_installed() {
            eprintln!("skipped: fonts-ipaexfont-gothic is not installed");
            return;
        }
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
        let form = listing_form(TITLE, "シンプルなロゴをお作りします。");
        let draft = edit::create(&t.app, &seller, &form).await.expect("draft");
        assert!(not_found(&t, draft).await);
        assert!(not_found(&t, ListingId::new(987_654_321)).await);

        let paused = publish_new(&t, &seller, &form).await;
        og_image::og_image(&t.app, paused).await.expect("an image");
        manage::apply(&t.app, &seller, paused, manage::Action::Pause)
            .await
            .expect("pause");
        assert!(not_found(&t, paused).await);
        let deleted = publish_new(&t, &seller, &form).await;
        manage::apply(&t.app, &seller, deleted, manage::Action::Delete)
            .await
            .expect("delete");
        assert!(not_found(&t, deleted).await);

        let id = publish_new(&t, &seller, &form).await;
        og_image::og_image(&t.app, id).await.expect("an image");
        assert!(t.app.catalog.holds_og_image(id));
        close_now(&t, &seller, false).await;
        assert!(not_found(&t, id).await);
        assert!(
            !t.app.catalog.holds_og_image(id),
            "the withdrawn seller's image left the cache"
        );
    }
);

both_backends!(
    without_its_font_the_image_is_not_offered_and_the_kit_still_works,
    |db| async move {
        let mut t = test_app(db);
        t.app.site.og_font = "/nonexistent/yorozu-test-font.ttf".into();
        let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
        let id = publish_new(
            &t,
            &seller,
            &listing_form(TITLE, "シンプルなロゴをお作りします。"),
        )
        .await;
        assert!(!og_image::available(&t.app));
        assert!(not_found(&t, id).await);
        let kit = share::kit(&t.app, &seller, id).await.expect("the kit");
        assert_eq!(kit.og_image_url, None);
        assert_eq!(kit.posts.len(), 5);
    }
);
