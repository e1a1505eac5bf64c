//! Receipts and monthly statements on both databases: the amounts and the consumption tax,
//! who may see a receipt, cancelled receipts, statement totals, and month bounds in Japan time.

mod support;

use yorozu_app::AppError;
use yorozu_app::legal::InvoiceNumber;
use yorozu_app::orders::cancel::{self, Answer};
use yorozu_app::orders::deliver::approve;
use yorozu_app::orders::place::{Payment, place};
use yorozu_app::paperwork::receipt::{Addressee, receipt};
use yorozu_app::paperwork::statement::{YearMonth, months, statement};
use yorozu_domain::orders::PaymentMethod;
use yorozu_domain::{OrderId, Yen};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::*;

/// Moves the market's clock to `unix` (it only ever moves forward).
fn set_clock(m: &Market, unix: i64) {
    let now = m.t.app.now();
    assert!(unix >= now, "the clock cannot go back");
    m.t.advance(unix - now);
}

/// Buys, delivers and approves the service: an order completed now.
async fn completed(m: &Market, key: &str) -> OrderId {
    let id = buy(m, key).await;
    deliver(m, id).await;
    approve(&m.t.app, &m.buyer, id).await.expect("approve");
    id
}

fn month(year: i32, month: u8) -> YearMonth {
    YearMonth::new(year, month).expect("valid month")
}

both_backends!(
    a_receipt_shows_the_order_amounts_and_the_tax_included,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "plain").await;
        let o = order(&m, id).await;
        let r = receipt(&m.t.app, &m.buyer, id, None)
            .await
            .expect("receipt");
        assert_eq!(r.number, id);
        assert_eq!(Some(r.issued_at), o.paid_at);
        assert_eq!(r.addressee, "買い手");
        assert!(!r.custom_addressee);
        assert_eq!(r.service_title, "ロゴを作成します");
        assert!(r.options.is_empty());
        // ¥3,000 and the 5.5 % buyer fee of ¥165.
        assert_eq!(
            (r.price, r.subtotal, r.buyer_fee),
            (Yen::new(3_000), Yen::new(3_000), Yen::new(165))
        );
        assert_eq!(r.total, Yen::new(3_165));
        // floor(3,165 × 10 / 110) = floor(287.72…) = ¥287, once for the whole receipt.
        assert_eq!(r.tax.rate_percent, 10);
        assert_eq!((r.tax.taxable, r.tax.tax), (Yen::new(3_165), Yen::new(287)));
        assert_eq!(r.payment_method, PaymentMethod::Card);
        assert!(r.cancellation.is_none());
        assert_eq!(r.issuer.operator_name, m.t.app.site.business.operator_name);
        assert_eq!(r.issuer.invoice_number, None);

        // An option and points: the tax is on what was paid.
        grant_points(&m, 500).await;
        let position = {
            let mut c = db.read().await.expect("read");
            yorozu_store::listings::rows::options(&mut c, m.listing)
                .await
                .expect("options")[0]
                .position
        };
        let mut p = purchase(&m, "option-and-points");
        p.choice.options = vec![position];
        p.choice.points = "500".into();
        let id = place(&m.t.app, &m.buyer, &p).await.expect("place").order_id;
        let name = Addressee::parse(" 株式会社テスト ").expect("valid");
        let r = receipt(&m.t.app, &m.buyer, id, name.as_ref())
            .await
            .expect("receipt");
        assert_eq!(r.addressee, "株式会社テスト");
        assert!(r.custom_addressee);
        assert_eq!(r.options.len(), 1);
        assert_eq!(
            (r.options[0].title.as_str(), r.options[0].price),
            ("商用利用", Yen::new(1_000))
        );
        // ¥3,000 + ¥1,000, fee 5.5 % = ¥220, less 500 points: ¥3,720, of which ¥338 tax.
        assert_eq!(
            (r.price, r.subtotal, r.buyer_fee),
            (Yen::new(3_000), Yen::new(4_000), Yen::new(220))
        );
        assert_eq!(
            (r.points_used, r.coupon_discount),
            (Yen::new(500), Yen::ZERO)
        );
        assert_eq!(r.total, Yen::new(3_720));
        assert_eq!((r.tax.taxable, r.tax.tax), (Yen::new(3_720), Yen::new(338)));
        assert_eq!(order(&m, id).await.buyer_total.get(), 3_720);
    }
);

both_backends!(
    a_receipt_carries_the_configured_invoice_number,
    |db: Db| async move {
        let mut m = market(db).await;
        m.t.app.site.business.invoice_number =
            Some(InvoiceNumber::parse("T1234567890123").expect("valid"));
        let id = buy(&m, "invoice").await;
        let r = receipt(&m.t.app, &m.buyer, id, None)
            .await
            .expect("receipt");
        assert_eq!(
            r.issuer.invoice_number.as_ref().map(InvoiceNumber::as_str),
            Some("T1234567890123")
        );
    }
);

both_backends!(
    only_the_buyer_of_a_paid_order_gets_a_receipt,
    |db: Db| async move {
        let m = market(db).await;
        let id = buy(&m, "mine").await;
        let stranger = confirmed_member(&m.t, "stranger@example.jp", "通りすがり").await;
        for who in [&m.seller, &stranger] {
            assert!(matches!(
                receipt(&m.t.app, who, id, None).await,
                Err(AppError::NotFound)
            ));
        }
        assert!(matches!(
            receipt(&m.t.app, &m.buyer, OrderId::new(id.get() + 1), None).await,
            Err(AppError::NotFound)
        ));
        // Not yet paid (後払い): no receipt.
        let mut p = purchase(&m, "deferred");
        p.payment = Payment::Deferred;
        let unpaid = place(&m.t.app, &m.buyer, &p).await.expect("place").order_id;
        assert_eq!(order(&m, unpaid).await.state.as_str(), "awaiting_payment");
        assert!(matches!(
            receipt(&m.t.app, &m.buyer, unpaid, None).await,
            Err(AppError::NotFound)
        ));
        // Cancelled before it was paid: still none.
        cancel::request(&m.t.app, &m.buyer, unpaid, "注文を取り消したいため")
            .await
            .expect("request");
        cancel::answer(&m.t.app, &m.seller, unpaid, Answer::Agree, "")
            .await
            .expect("agree");
        assert_eq!(order(&m, unpaid).await.state.as_str(), "cancelled");
        assert!(matches!(
            receipt(&m.t.app, &m.buyer, unpaid, None).await,
            Err(AppError::NotFound)
        ));
    }
);

both_backends!(
    a_cancelled_order_keeps_its_receipt_marked_with_the_refund,
    |db: Db| async move {
        let m = market(db).await;
        let id = buy(&m, "cancel").await;
        cancel::request(&m.t.app, &m.buyer, id, "依頼内容を変更したいため")
            .await
            .expect("request");
        cancel::answer(&m.t.app, &m.seller, id, Answer::Agree, "")
            .await
            .expect("agree");
        let o = order(&m, id).await;
        assert_eq!(o.state.as_str(), "cancelled");
        let r = receipt(&m.t.app, &m.buyer, id, None)
            .await
            .expect("receipt");
        let c = r.cancellation.expect("marked cancelled");
        assert_eq!(Some(c.cancelled_at), o.cancelled_at);
        assert_eq!(c.refund, Yen::new(3_165));
        assert_eq!(r.total, Yen::new(3_165));
        assert!(matches!(
            receipt(&m.t.app, &m.seller, id, None).await,
            Err(AppError::NotFound)
        ));
    }
);

both_backends!(
    a_statement_sums_the_sales_completed_in_its_month,
    |db: Db| async move {
        let m = market(db).await;
        // START is 2025-06-16 00:06 in Japan.
        let june = month(2025, 6);
        assert_eq!(YearMonth::containing(m.t.app.now()), june);
        let first = completed(&m, "june-1").await;
        m.t.advance(3 * DAY);
        let second = completed(&m, "june-2").await;
        // Bought in June, completed in July: it belongs to July.
        let july_order = buy(&m, "july").await;
        deliver(&m, july_order).await;
        set_clock(&m, month(2025, 7).start() + HOUR);
        approve(&m.t.app, &m.buyer, july_order)
            .await
            .expect("approve");
        // Still in progress: on no statement.
        buy(&m, "open").await;

        let s = statement(&m.t.app, &m.seller, june)
            .await
            .expect("statement");
        assert_eq!(s.month, june);
        assert_eq!(s.seller_name, "売り手");
        let ids: Vec<OrderId> = s.lines.iter().map(|l| l.order_id).collect();
        assert_eq!(ids, vec![first, second]);
        let line = &s.lines[0];
        assert_eq!(line.service_title, "ロゴを作成します");
        // ¥3,000, 22 % fee ¥660, ¥2,340 to the seller.
        assert_eq!(
            (line.price, line.platform_fee, line.seller_share),
            (Yen::new(3_000), Yen::new(660), Yen::new(2_340))
        );
        assert_eq!(s.sales_total, Yen::new(6_000));
        assert_eq!(s.share_total, Yen::new(4_680));
        // The fees' tax once on the month's total: floor(1,320 × 10 / 110) = ¥120.
        assert_eq!(
            (
                s.fee_total.rate_percent,
                s.fee_total.taxable,
                s.fee_total.tax
            ),
            (10, Yen::new(1_320), Yen::new(120))
        );
        assert!(s.closed, "June is over");
        assert_eq!(s.months, vec![month(2025, 7), june]);

        let july = statement(&m.t.app, &m.seller, month(2025, 7))
            .await
            .expect("statement");
        assert_eq!(july.lines.len(), 1);
        assert_eq!(july.lines[0].order_id, july_order);
        assert!(!july.closed, "July is not over yet");

        // A month without sales is an empty statement; the buyer sold nothing.
        let may = statement(&m.t.app, &m.seller, month(2025, 5))
            .await
            .expect("statement");
        assert!(may.lines.is_empty());
        assert_eq!((may.sales_total, may.fee_total.tax), (Yen::ZERO, Yen::ZERO));
        // A month that has not begun has no statement.
        assert!(matches!(
            statement(&m.t.app, &m.seller, month(2025, 8)).await,
            Err(AppError::NotFound)
        ));
        let buyer = statement(&m.t.app, &m.buyer, june)
            .await
            .expect("statement");
        assert!(buyer.lines.is_empty());
        assert!(months(&m.t.app, &m.buyer).await.expect("months").is_empty());
    }
);

both_backends!(statement_months_follow_japan_time, |db: Db| async move {
    let m = market(db).await;
    // 2026-10-31 14:59 UTC is 23:59 on 31 October in Japan.
    let late_october = 1_793_458_740;
    // 2026-10-31 15:30 UTC is 00:30 on 1 November in Japan.
    let early_november = 1_793_460_600;
    let october_order = buy(&m, "october").await;
    let november_order = buy(&m, "november").await;
    deliver(&m, october_order).await;
    deliver(&m, november_order).await;
    set_clock(&m, late_october);
    approve(&m.t.app, &m.buyer, october_order)
        .await
        .expect("approve");
    set_clock(&m, early_november);
    approve(&m.t.app, &m.buyer, november_order)
        .await
        .expect("approve");

    let october = statement(&m.t.app, &m.seller, month(2026, 10))
        .await
        .expect("statement");
    let november = statement(&m.t.app, &m.seller, month(2026, 11))
        .await
        .expect("statement");
    let ids = |s: &yorozu_app::paperwork::statement::Statement| {
        s.lines.iter().map(|l| l.order_id).collect::<Vec<_>>()
    };
    assert_eq!(ids(&october), vec![october_order]);
    assert_eq!(ids(&november), vec![november_order]);
    assert_eq!(
        months(&m.t.app, &m.seller).await.expect("months"),
        vec![month(2026, 11), month(2026, 10)]
    );
});

both_backends!(
    a_statement_lists_paid_additions_with_their_order_and_tips_when_paid,
    |db: Db| async move {
        use yorozu_app::orders::changes::additions::{self, AdditionForm};
        use yorozu_app::orders::tips::{self, Sending, TipForm};
        use yorozu_app::paperwork::statement::LineKind;
        let m = market(db).await;
        let app = &m.t.app;
        let june = month(2025, 6);
        // Completed on June 29th, so that a tip within the 7 days can fall in July.
        set_clock(&m, month(2025, 7).start() - 2 * DAY);
        let id = buy(&m, "with-extras").await;
        let add = |title: &str, price: &str| AdditionForm {
            title: title.into(),
            description: "追加の作業です。".into(),
            price: price.into(),
            extra_days: "1".into(),
        };
        let paid = additions::propose(app, &m.seller, id, &add("横長版の追加", "2000"))
            .await
            .expect("propose");
        additions::accept(app, &m.buyer, id, paid, m.card)
            .await
            .expect("accept");
        // Proposed and never accepted: not a sale.
        additions::propose(app, &m.seller, id, &add("アイコン版の追加", "1000"))
            .await
            .expect("propose");
        deliver(&m, id).await;
        approve(app, &m.buyer, id).await.expect("approve");
        // A tip in July counts in July, although the order completed in June.
        set_clock(&m, month(2025, 7).start() + HOUR);
        let tip = TipForm {
            amount: "1000".into(),
            message: "ありがとうございました。".into(),
        };
        let sent = tips::send(
            app,
            &m.buyer,
            id,
            &tip,
            m.card,
            "test-tip-key-july-statement",
            false,
        )
        .await
        .expect("tip");
        assert!(matches!(sent, Sending::Sent(_)));

        let s = statement(app, &m.seller, june).await.expect("june");
        let kinds: Vec<&LineKind> = s.lines.iter().map(|l| &l.kind).collect();
        assert_eq!(
            kinds,
            vec![&LineKind::Sale, &LineKind::Addition("横長版の追加".into())]
        );
        assert!(s.lines.iter().all(|l| l.order_id == id));
        let addition = &s.lines[1];
        // ¥2,000 at the 22 % fee: ¥440, ¥1,560 to the seller.
        assert_eq!(
            (addition.price, addition.platform_fee, addition.seller_share),
            (Yen::new(2_000), Yen::new(440), Yen::new(1_560))
        );
        assert_eq!(s.sales_total, Yen::new(5_000));
        assert_eq!(s.share_total, Yen::new(2_340 + 1_560));

        let july = statement(app, &m.seller, month(2025, 7))
            .await
            .expect("july");
        assert_eq!(july.lines.len(), 1);
        assert_eq!(july.lines[0].kind, LineKind::Tip);
        assert_eq!(july.lines[0].order_id, id);
        assert_eq!(july.lines[0].price, Yen::new(1_000));
        assert_eq!(
            july.share_total.get(),
            1_000 - july.lines[0].platform_fee.get()
        );
        assert_eq!(
            months(app, &m.seller).await.expect("months"),
            vec![month(2025, 7), june]
        );
        // What the statements credit is what the sales ledger holds for the seller.
        // (The ledger keeps what the platform owes the seller as a credit: negative.)
        let credited = -balance(&app.db, "seller_balance", Some(m.seller.id)).await;
        assert_eq!(credited, s.share_total.get() + july.share_total.get());
    }
);
