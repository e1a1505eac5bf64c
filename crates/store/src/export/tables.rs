//! What the archive holds, as data: each section is a named table with typed columns and the
//! keyset-paged queries that fill it (run by [`super::sections`]). The SQL lives here, in the
//! store, beside the columns it must match; the application's JSON, CSV and HTML writers and
//! the JSON Schema are all generated from these descriptions, so the formats cannot drift
//! apart. Other members appear only by their public display name (empty once they have left),
//! never by e-mail or id of their account.

use super::sections::Kind;

/// A column: its key in JSON and CSV, and what it holds.
pub type Column = (&'static str, Kind);

/// One table of the archive.
#[derive(Debug)]
pub struct Section {
    /// File name without extension (`data/NAME.json`, `csv/NAME.csv`) and message id suffix
    /// (`export-section-NAME`).
    pub name: &'static str,
    pub columns: &'static [Column],
    pub source: Source,
}

/// Where a section's rows come from.
#[derive(Debug)]
pub enum Source {
    /// Keyset-paged queries run one after the other (e.g. purchases, then sales).
    Pages(&'static [&'static str]),
    /// Rows belonging to the member's orders, fetched per page of order ids:
    /// `head (ids) tail`.
    OfOrders {
        head: &'static str,
        tail: &'static str,
    },
}

use Kind::{Bool, Int, OptInt, OptText, Text};

/// Pages of the member's order ids, purchases then sales (for [`Source::OfOrders`]).
pub const ORDER_IDS: [&str; 2] = [
    "SELECT created_at, id FROM orders WHERE buyer_id = $1
       AND created_at >= $2 AND (created_at > $2 OR id > $3) ORDER BY created_at, id LIMIT $4",
    "SELECT created_at, id FROM orders WHERE seller_id = $1
       AND created_at >= $2 AND (created_at > $2 OR id > $3) ORDER BY created_at, id LIMIT $4",
];

pub const PROFILE: Section = Section {
    name: "profile",
    columns: &[
        ("registered_at", Int),
        ("member_id", Int),
        ("email", OptText),
        ("display_name", OptText),
        ("introduction", OptText),
        ("skills", OptText),
        ("career", OptText),
        ("track_record", OptText),
        ("sns_links", OptText),
        ("nda", OptText),
        ("identity_verified_at", OptInt),
    ],
    source: Source::Pages(&[
        "SELECT u.created_at, u.id, u.email, p.display_name, p.introduction, p.skills, p.career,
                p.track_record, p.sns_links, p.nda, p.identity_verified_at
         FROM users u LEFT JOIN profiles p ON p.user_id = u.id
         WHERE u.id = $1 AND u.created_at >= $2 AND (u.created_at > $2 OR u.id > $3)
         ORDER BY u.created_at, u.id LIMIT $4",
    ]),
};

pub const SERVICES: Section = Section {
    name: "services",
    columns: &[
        ("created_at", Int),
        ("service_id", Int),
        ("status", Text),
        ("title", Text),
        ("description", Text),
        ("price", Int),
        ("delivery_days", Int),
        ("revisions", Int),
        ("buyer_notes", Text),
        ("sales_count", Int),
        ("rating_count", Int),
        ("rating_x100", Int),
        ("published_at", OptInt),
        ("updated_at", Int),
    ],
    source: Source::Pages(&[
        "SELECT created_at, id, status, title, description, price, delivery_days, revisions, buyer_notes,
                sales_count, rating_count, rating_x100, published_at, updated_at
         FROM listings WHERE seller_id = $1 AND NOT (status = 'deleted' AND title = '')
           AND created_at >= $2 AND (created_at > $2 OR id > $3) ORDER BY created_at, id LIMIT $4",
    ]),
};

pub const SERVICE_OPTIONS: Section = Section {
    name: "service_options",
    columns: &[
        ("service_id", Int),
        ("position", Int),
        ("title", Text),
        ("price", Int),
    ],
    source: Source::Pages(&[
        "SELECT o.listing_id, o.position, o.title, o.price FROM listing_options o
         JOIN listings l ON l.id = o.listing_id
         WHERE l.seller_id = $1 AND o.listing_id >= $2 AND (o.listing_id > $2 OR o.position > $3)
         ORDER BY o.listing_id, o.position LIMIT $4",
    ]),
};

pub const SERVICE_FAQS: Section = Section {
    name: "service_faqs",
    columns: &[
        ("service_id", Int),
        ("position", Int),
        ("question", Text),
        ("answer", Text),
    ],
    source: Source::Pages(&[
        "SELECT f.listing_id, f.position, f.question, f.answer FROM listing_faqs f
         JOIN listings l ON l.id = f.listing_id
         WHERE l.seller_id = $1 AND f.listing_id >= $2 AND (f.listing_id > $2 OR f.position > $3)
         ORDER BY f.listing_id, f.position LIMIT $4",
    ]),
};

/// The images; the `file` column holds the stored key and becomes the path in the archive.
pub const SERVICE_IMAGES: Section = Section {
    name: "service_images",
    columns: &[
        ("service_id", Int),
        ("position", Int),
        ("file", Text),
        ("width", Int),
        ("height", Int),
    ],
    source: Source::Pages(&[
        "SELECT i.listing_id, i.position, i.file_key, i.width, i.height FROM listing_images i
         JOIN listings l ON l.id = i.listing_id
         WHERE l.seller_id = $1 AND i.listing_id >= $2 AND (i.listing_id > $2 OR i.position > $3)
         ORDER BY i.listing_id, i.position LIMIT $4",
    ]),
};

const ORDER_COLUMNS: &[Column] = &[
    ("ordered_at", Int),
    ("order_id", Int),
    ("role", Text),
    ("service_title", Text),
    ("state", Text),
    ("counterparty", Text),
    ("subtotal", Int),
    ("buyer_fee", Int),
    ("discount", Int),
    ("points_used", Int),
    ("buyer_total", Int),
    ("platform_fee", Int),
    ("seller_share", Int),
    ("payment_method", Text),
    ("request", Text),
    ("paid_at", OptInt),
    ("delivered_at", OptInt),
    ("completed_at", OptInt),
    ("cancelled_at", OptInt),
];

pub const ORDERS: Section = Section {
    name: "orders",
    columns: ORDER_COLUMNS,
    source: Source::Pages(&[
        "SELECT o.created_at, o.id, 'buyer', o.listing_title, o.state, COALESCE(p.display_name, ''),
                o.subtotal, o.buyer_fee, o.discount, o.points_used, o.buyer_total, o.platform_fee,
                o.seller_share, o.payment_method, o.request_text, o.paid_at, o.delivered_at,
                o.completed_at, o.cancelled_at
         FROM orders o LEFT JOIN profiles p ON p.user_id = o.seller_id
         WHERE o.buyer_id = $1 AND o.created_at >= $2 AND (o.created_at > $2 OR o.id > $3)
         ORDER BY o.created_at, o.id LIMIT $4",
        "SELECT o.created_at, o.id, 'seller', o.listing_title, o.state, COALESCE(p.display_name, ''),
                o.subtotal, o.buyer_fee, o.discount, o.points_used, o.buyer_total, o.platform_fee,
                o.seller_share, o.payment_method, o.request_text, o.paid_at, o.delivered_at,
                o.completed_at, o.cancelled_at
         FROM orders o LEFT JOIN profiles p ON p.user_id = o.buyer_id
         WHERE o.seller_id = $1 AND o.created_at >= $2 AND (o.created_at > $2 OR o.id > $3)
         ORDER BY o.created_at, o.id LIMIT $4",
    ]),
};

pub const MESSAGES: Section = Section {
    name: "messages",
    columns: &[
        ("order_id", Int),
        ("message_id", Int),
        ("author", Text),
        ("kind", Text),
        ("body", Text),
        ("sent_at", Int),
    ],
    source: Source::OfOrders {
        head: "SELECT m.order_id, m.id,
                      CASE WHEN m.author_id = $1 THEN 'me' WHEN m.author_id IS NULL THEN 'platform'
                           ELSE 'counterparty' END,
                      m.kind, m.body, m.created_at
               FROM order_messages m WHERE m.order_id IN ",
        tail: " ORDER BY m.order_id, m.id",
    },
};

/// Files in the talk rooms; `file` becomes the path in the archive.
pub const ATTACHMENTS: Section = Section {
    name: "attachments",
    columns: &[
        ("order_id", Int),
        ("attachment_id", Int),
        ("message_id", Int),
        ("file", Text),
        ("file_name", Text),
        ("content_type", Text),
        ("size_bytes", Int),
    ],
    source: Source::OfOrders {
        head: "SELECT a.order_id, a.id, a.message_id, a.file_key, a.file_name, a.content_type, a.size_bytes
               FROM order_attachments a WHERE a.order_id IN ",
        tail: " AND CAST($1 AS BIGINT) > 0 ORDER BY a.order_id, a.id",
    },
};

const REVIEW_COLUMNS: &[Column] = &[
    ("written_at", Int),
    ("review_id", Int),
    ("order_id", Int),
    ("service_title", Text),
    ("author_role", Text),
    ("rating", Int),
    ("comment", Text),
    ("anonymous", Bool),
    ("other_member", Text),
];

pub const REVIEWS_RECEIVED: Section = Section {
    name: "reviews_received",
    columns: REVIEW_COLUMNS,
    source: Source::Pages(&[
        "SELECT r.created_at, r.id, r.order_id, o.listing_title, r.author_role, r.rating, r.comment,
                r.anonymous, CASE WHEN r.anonymous THEN '' ELSE COALESCE(p.display_name, '') END
         FROM reviews r JOIN orders o ON o.id = r.order_id LEFT JOIN profiles p ON p.user_id = r.author_id
         WHERE r.subject_id = $1 AND r.author_role = 'buyer'
           AND r.created_at >= $2 AND (r.created_at > $2 OR r.id > $3) ORDER BY r.created_at, r.id LIMIT $4",
        "SELECT r.created_at, r.id, r.order_id, o.listing_title, r.author_role, r.rating, r.comment,
                r.anonymous, CASE WHEN r.anonymous THEN '' ELSE COALESCE(p.display_name, '') END
         FROM reviews r JOIN orders o ON o.id = r.order_id LEFT JOIN profiles p ON p.user_id = r.author_id
         WHERE r.subject_id = $1 AND r.author_role = 'seller'
           AND r.created_at >= $2 AND (r.created_at > $2 OR r.id > $3) ORDER BY r.created_at, r.id LIMIT $4",
    ]),
};

pub const REVIEWS_GIVEN: Section = Section {
    name: "reviews_given",
    columns: REVIEW_COLUMNS,
    source: Source::Pages(&[
        "SELECT r.created_at, r.id, r.order_id, o.listing_title, r.author_role, r.rating, r.comment,
                r.anonymous, COALESCE(p.display_name, '')
         FROM reviews r JOIN orders o ON o.id = r.order_id LEFT JOIN profiles p ON p.user_id = r.subject_id
         WHERE r.author_id = $1
           AND r.created_at >= $2 AND (r.created_at > $2 OR r.id > $3) ORDER BY r.created_at, r.id LIMIT $4",
    ]),
};

pub const SALES: Section = Section {
    name: "sales",
    // An order's sale and a tip on it can be credited in the same second: the page key is
    // the line's own id (the tip's for a tip, else the order's), so no line is skipped at a
    // page boundary.
    columns: &[
        ("credited_at", Int),
        ("line_id", Int),
        ("order_id", Int),
        ("tip_id", OptInt),
        ("service_title", Text),
        ("amount", Int),
        ("payout_request_id", OptInt),
        ("expired_at", OptInt),
    ],
    source: Source::Pages(&[
        "SELECT s.credited_at, COALESCE(s.tip_id, s.order_id), s.order_id, s.tip_id,
                o.listing_title, s.amount, s.payout_request_id, s.expired_at
         FROM sales s JOIN orders o ON o.id = s.order_id
         WHERE s.seller_id = $1 AND s.credited_at >= $2
           AND (s.credited_at > $2 OR COALESCE(s.tip_id, s.order_id) > $3)
         ORDER BY s.credited_at, COALESCE(s.tip_id, s.order_id) LIMIT $4",
    ]),
};

pub const LEDGER: Section = Section {
    name: "ledger",
    columns: &[
        ("booked_at", Int),
        ("entry_id", Int),
        ("event", Text),
        ("reference", Text),
        ("account", Text),
        ("amount", Int),
    ],
    source: Source::Pages(&[
        "SELECT e.created_at, e.id, t.kind, t.reference, e.account, e.amount
         FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
         WHERE e.account = 'seller_balance' AND e.account_owner = $1
           AND e.created_at >= $2 AND (e.created_at > $2 OR e.id > $3) ORDER BY e.created_at, e.id LIMIT $4",
    ]),
};

pub const PAYOUTS: Section = Section {
    name: "payouts",
    columns: &[
        ("requested_at", Int),
        ("payout_request_id", Int),
        ("gross", Int),
        ("fee", Int),
        ("net", Int),
        ("status", Text),
        ("transfer_date", Text),
        ("transferred_at", OptInt),
        ("failure_reason", OptText),
    ],
    source: Source::Pages(&[
        "SELECT requested_at, id, gross, fee, net, status, transfer_date, transferred_at, failure_reason
         FROM payout_requests WHERE seller_id = $1
           AND requested_at >= $2 AND (requested_at > $2 OR id > $3) ORDER BY requested_at, id LIMIT $4",
    ]),
};

pub const POINTS: Section = Section {
    name: "points",
    columns: &[
        ("at", Int),
        ("entry_id", Int),
        ("kind", Text),
        ("amount", Int),
        ("order_id", OptInt),
        ("note", Text),
    ],
    source: Source::Pages(&[
        "SELECT created_at, id, kind, amount, order_id, note FROM point_entries WHERE user_id = $1
           AND created_at >= $2 AND (created_at > $2 OR id > $3) ORDER BY created_at, id LIMIT $4",
    ]),
};

pub const COUPONS: Section = Section {
    name: "coupons",
    columns: &[
        ("used_at", Int),
        ("order_id", Int),
        ("code", Text),
        ("title", Text),
        ("discount", Int),
    ],
    source: Source::Pages(&[
        "SELECT r.created_at, r.order_id, c.code, c.title, c.discount
         FROM coupon_redemptions r JOIN coupons c ON c.id = r.coupon_id
         WHERE r.user_id = $1 AND r.created_at >= $2 AND (r.created_at > $2 OR r.order_id > $3)
         ORDER BY r.created_at, r.order_id LIMIT $4",
    ]),
};

/// Disputes (トラブル相談) on the member's orders, opened by either side.
pub const DISPUTES: Section = Section {
    name: "disputes",
    columns: &[
        ("order_id", Int),
        ("dispute_id", Int),
        ("opened_by", Text),
        ("reason", Text),
        ("statement", Text),
        ("status", Text),
        ("opened_at", Int),
        ("decision", OptText),
        ("decision_reason", Text),
        ("refund_amount", OptInt),
        ("decided_at", OptInt),
        ("withdrawn_at", OptInt),
    ],
    source: Source::OfOrders {
        head: "SELECT d.order_id, d.id,
                      CASE WHEN d.opened_by = $1 THEN 'me' ELSE 'counterparty' END,
                      d.reason, d.statement, d.status, d.opened_at, d.decision, d.decision_reason,
                      d.refund_amount, d.decided_at, d.withdrawn_at
               FROM order_disputes d WHERE d.order_id IN ",
        tail: " ORDER BY d.order_id, d.id",
    },
};

/// The statements both sides added to those disputes.
pub const DISPUTE_STATEMENTS: Section = Section {
    name: "dispute_statements",
    columns: &[
        ("order_id", Int),
        ("statement_id", Int),
        ("author", Text),
        ("body", Text),
        ("written_at", Int),
    ],
    source: Source::OfOrders {
        head: "SELECT d.order_id, s.id,
                      CASE WHEN s.author_id = $1 THEN 'me' WHEN s.author_id IS NULL THEN 'platform'
                           ELSE 'counterparty' END,
                      s.body, s.created_at
               FROM order_dispute_statements s JOIN order_disputes d ON d.id = s.dispute_id
               WHERE d.order_id IN ",
        tail: " ORDER BY d.order_id, s.id",
    },
};

/// Reports (通報) the member filed, with what became of them.
pub const REPORTS_FILED: Section = Section {
    name: "reports_filed",
    columns: &[
        ("reported_at", Int),
        ("report_id", Int),
        ("target_kind", Text),
        ("reason", Text),
        ("comment", Text),
        ("state", Text),
        ("outcome", OptText),
        ("decided_at", OptInt),
    ],
    source: Source::Pages(&[
        "SELECT r.created_at, r.id, r.target_kind, r.reason, r.comment, r.state, r.outcome, r.decided_at
         FROM reports r
         WHERE r.reporter_id = $1 AND r.created_at >= $2 AND (r.created_at > $2 OR r.id > $3)
         ORDER BY r.created_at, r.id LIMIT $4",
    ]),
};

/// The member's on-site notifications (お知らせ) and whether they read them.
pub const NOTIFICATIONS: Section = Section {
    name: "notifications",
    columns: &[
        ("created_at", Int),
        ("notification_id", Int),
        ("kind", Text),
        ("subject_kind", Text),
        ("subject_id", Int),
        ("read_at", OptInt),
    ],
    source: Source::Pages(&[
        "SELECT n.created_at, n.id, n.kind, n.subject_kind, n.subject_id, n.read_at
         FROM notifications n
         WHERE n.user_id = $1 AND n.created_at >= $2 AND (n.created_at > $2 OR n.id > $3)
         ORDER BY n.created_at, n.id LIMIT $4",
    ]),
};

/// Paid additions (追加オプション) on the member's orders, proposed by the seller.
pub const ORDER_ADDITIONS: Section = Section {
    name: "order_additions",
    columns: &[
        ("order_id", Int),
        ("addition_id", Int),
        ("proposed_by", Text),
        ("title", Text),
        ("description", Text),
        ("extra_days", Int),
        ("price", Int),
        ("buyer_fee", Int),
        ("status", Text),
        ("answer", Text),
        ("proposed_at", Int),
        ("paid_at", OptInt),
        ("refunded_at", OptInt),
    ],
    source: Source::OfOrders {
        head: "SELECT a.order_id, a.id,
                      CASE WHEN a.proposed_by = $1 THEN 'me' ELSE 'counterparty' END,
                      a.title, a.description, a.extra_days, a.price, a.buyer_fee, a.status,
                      a.answer, a.created_at, a.paid_at, a.refunded_at
               FROM order_additions a WHERE a.order_id IN ",
        tail: " ORDER BY a.order_id, a.id",
    },
};

/// Requests to move the due date (納品予定日の延長) on the member's orders, by either side.
pub const ORDER_EXTENSIONS: Section = Section {
    name: "order_extensions",
    columns: &[
        ("order_id", Int),
        ("extension_id", Int),
        ("requested_by", Text),
        ("extra_days", Int),
        ("reason", Text),
        ("status", Text),
        ("answer", Text),
        ("requested_at", Int),
        ("answered_at", OptInt),
    ],
    source: Source::OfOrders {
        head: "SELECT e.order_id, e.id,
                      CASE WHEN e.requested_by = $1 THEN 'me' ELSE 'counterparty' END,
                      e.extra_days, e.reason, e.status, e.answer, e.created_at, e.answered_at
               FROM order_extensions e WHERE e.order_id IN ",
        tail: " ORDER BY e.order_id, e.id",
    },
};

/// Messages of the quote consultations (見積り相談) the member asked for or answered.
pub const CONSULTATION_MESSAGES: Section = Section {
    name: "consultation_messages",
    columns: &[
        ("sent_at", Int),
        ("message_id", Int),
        ("consultation_id", Int),
        ("role", Text),
        ("service_title", Text),
        ("counterparty", Text),
        ("author", Text),
        ("body", Text),
    ],
    source: Source::Pages(&[
        "SELECT m.created_at, m.id, k.id, 'buyer', l.title, COALESCE(p.display_name, ''),
                CASE WHEN m.author_id = $1 THEN 'me' ELSE 'counterparty' END, m.body
         FROM consultation_messages m JOIN consultations k ON k.id = m.consultation_id
         JOIN listings l ON l.id = k.listing_id LEFT JOIN profiles p ON p.user_id = k.seller_id
         WHERE k.buyer_id = $1 AND m.created_at >= $2 AND (m.created_at > $2 OR m.id > $3)
         ORDER BY m.created_at, m.id LIMIT $4",
        "SELECT m.created_at, m.id, k.id, 'seller', l.title, COALESCE(p.display_name, ''),
                CASE WHEN m.author_id = $1 THEN 'me' ELSE 'counterparty' END, m.body
         FROM consultation_messages m JOIN consultations k ON k.id = m.consultation_id
         JOIN listings l ON l.id = k.listing_id LEFT JOIN profiles p ON p.user_id = k.buyer_id
         WHERE k.seller_id = $1 AND m.created_at >= $2 AND (m.created_at > $2 OR m.id > $3)
         ORDER BY m.created_at, m.id LIMIT $4",
    ]),
};

/// Files sent in those consultations, by either side; `file` becomes the path in the archive.
pub const CONSULTATION_ATTACHMENTS: Section = Section {
    name: "consultation_attachments",
    columns: &[
        ("sent_at", Int),
        ("attachment_id", Int),
        ("consultation_id", Int),
        ("message_id", Int),
        ("file", Text),
        ("file_name", Text),
        ("content_type", Text),
        ("size_bytes", Int),
    ],
    source: Source::Pages(&[
        "SELECT a.created_at, a.id, a.consultation_id, a.message_id, a.file_key, a.file_name,
                a.content_type, a.size_bytes
         FROM consultation_attachments a JOIN consultations k ON k.id = a.consultation_id
         WHERE k.buyer_id = $1 AND a.created_at >= $2 AND (a.created_at > $2 OR a.id > $3)
         ORDER BY a.created_at, a.id LIMIT $4",
        "SELECT a.created_at, a.id, a.consultation_id, a.message_id, a.file_key, a.file_name,
                a.content_type, a.size_bytes
         FROM consultation_attachments a JOIN consultations k ON k.id = a.consultation_id
         WHERE k.seller_id = $1 AND a.created_at >= $2 AND (a.created_at > $2 OR a.id > $3)
         ORDER BY a.created_at, a.id LIMIT $4",
    ]),
};

/// Custom offers (カスタム提案) the member sent or received, every version.
pub const OFFERS: Section = Section {
    name: "offers",
    columns: &[
        ("sent_at", Int),
        ("offer_id", Int),
        ("consultation_id", Int),
        ("version", Int),
        ("role", Text),
        ("title", Text),
        ("included", Text),
        ("price", Int),
        ("delivery_days", Int),
        ("revisions", Int),
        ("state", Text),
        ("decline_reason", OptText),
        ("expires_at", Int),
        ("order_id", OptInt),
    ],
    source: Source::Pages(&[
        "SELECT o.created_at, o.id, o.consultation_id, o.version, 'buyer', o.title, o.included,
                o.price, o.delivery_days, o.revisions, o.state, o.decline_reason, o.expires_at,
                o.order_id
         FROM offers o
         WHERE o.buyer_id = $1 AND o.created_at >= $2 AND (o.created_at > $2 OR o.id > $3)
         ORDER BY o.created_at, o.id LIMIT $4",
        "SELECT o.created_at, o.id, o.consultation_id, o.version, 'seller', o.title, o.included,
                o.price, o.delivery_days, o.revisions, o.state, o.decline_reason, o.expires_at,
                o.order_id
         FROM offers o
         WHERE o.seller_id = $1 AND o.created_at >= $2 AND (o.created_at > $2 OR o.id > $3)
         ORDER BY o.created_at, o.id LIMIT $4",
    ]),
};

/// Tips (おひねり) on the member's orders: given as the buyer, received as the seller.
pub const ORDER_TIPS: Section = Section {
    name: "order_tips",
    columns: &[
        ("order_id", Int),
        ("tip_id", Int),
        ("direction", Text),
        ("amount", Int),
        ("buyer_fee", Int),
        ("platform_fee", Int),
        ("message", Text),
        ("sent_at", Int),
    ],
    source: Source::OfOrders {
        head: "SELECT t.order_id, t.id,
                      CASE WHEN t.buyer_id = $1 THEN 'given' ELSE 'received' END,
                      t.amount, t.buyer_fee, t.platform_fee, t.message, t.created_at
               FROM order_tips t WHERE t.order_id IN ",
        tail: " ORDER BY t.order_id, t.id",
    },
};

/// The requests (公開依頼) the member posted.
pub const REQUESTS_POSTED: Section = Section {
    name: "requests_posted",
    columns: &[
        ("posted_at", Int),
        ("request_id", Int),
        ("category_id", Int),
        ("title", Text),
        ("description", Text),
        ("budget_min", Int),
        ("budget_max", Int),
        ("desired_date", OptText),
        ("proposal_deadline", Int),
        ("max_proposals", Int),
        ("proposal_count", Int),
        ("state", Text),
        ("order_id", OptInt),
    ],
    source: Source::Pages(&[
        "SELECT created_at, id, category_id, title, description, budget_min, budget_max,
                desired_date, proposal_deadline, max_proposals, proposal_count, state, order_id
         FROM requests WHERE buyer_id = $1
           AND created_at >= $2 AND (created_at > $2 OR id > $3) ORDER BY created_at, id LIMIT $4",
    ]),
};

/// The proposals (提案) the member sent on other members' requests: the latest offer version
/// and the message, the request by its title only.
pub const PROPOSALS_SENT: Section = Section {
    name: "proposals_sent",
    columns: &[
        ("proposed_at", Int),
        ("consultation_id", Int),
        ("request_id", Int),
        ("request_title", Text),
        ("message", Text),
        ("offer_title", Text),
        ("price", Int),
        ("delivery_days", Int),
        ("state", Text),
    ],
    source: Source::Pages(&["SELECT k.created_at, k.id, r.id, r.title,
                COALESCE((SELECT m.body FROM consultation_messages m
                          WHERE m.consultation_id = k.id ORDER BY m.id LIMIT 1), ''),
                o.title, o.price, o.delivery_days, o.state
         FROM consultations k
         JOIN requests r ON r.id = k.request_id
         JOIN offers o ON o.consultation_id = k.id
           AND o.version = (SELECT MAX(v.version) FROM offers v WHERE v.consultation_id = k.id)
         WHERE k.seller_id = $1
           AND k.created_at >= $2 AND (k.created_at > $2 OR k.id > $3)
         ORDER BY k.created_at, k.id LIMIT $4"]),
};

/// Analytics of the member's services (アクセス解析): the stored counts per day (the unix
/// time at which the Japanese day begins), kind and value — impressions, views, search
/// words, sources, share tags and referrer hosts. `row_id` is the count's own id.
pub const SERVICE_ANALYTICS: Section = Section {
    name: "service_analytics",
    columns: &[
        ("day", Int),
        ("row_id", Int),
        ("service_id", Int),
        ("kind", Text),
        ("value", Text),
        ("count", Int),
    ],
    source: Source::Pages(&[
        "SELECT a.day, a.id, a.listing_id, a.kind, a.value, a.n FROM listing_analytics a
         WHERE a.listing_id IN (SELECT id FROM listings WHERE seller_id = $1)
           AND a.day >= $2 AND (a.day > $2 OR a.id > $3) ORDER BY a.day, a.id LIMIT $4",
    ]),
};

/// The sellers the member follows, by their public display name.
pub const FOLLOWING: Section = Section {
    name: "following",
    columns: &[
        ("followed_at", Int),
        ("follow_id", Int),
        ("seller_name", Text),
    ],
    source: Source::Pages(&["SELECT f.created_at, f.id, COALESCE(p.display_name, '')
         FROM follows f LEFT JOIN profiles p ON p.user_id = f.seller_id
         WHERE f.follower_id = $1
           AND f.created_at >= $2 AND (f.created_at > $2 OR f.id > $3)
         ORDER BY f.created_at, f.id LIMIT $4"]),
};

/// The member's followers: when each followed, never who (their count is the number of rows).
pub const FOLLOWERS: Section = Section {
    name: "followers",
    columns: &[("followed_at", Int), ("follow_id", Int)],
    source: Source::Pages(&["SELECT created_at, id FROM follows WHERE seller_id = $1
           AND created_at >= $2 AND (created_at > $2 OR id > $3)
         ORDER BY created_at, id LIMIT $4"]),
};

/// The member's invite code (友達招待).
pub const INVITE_CODE: Section = Section {
    name: "invite_code",
    columns: &[("created_at", Int), ("row", Int), ("code", Text)],
    source: Source::Pages(&[
        "SELECT created_at, CAST(0 AS BIGINT), code FROM invite_codes
         WHERE user_id = $1 AND created_at >= $2 AND (created_at > $2 OR 0 > $3)
         ORDER BY created_at LIMIT $4",
    ]),
};

/// The members who signed up through the member's invite link, by display name.
pub const INVITATIONS_SENT: Section = Section {
    name: "invitations_sent",
    columns: &[
        ("signed_up_at", Int),
        ("invitation_id", Int),
        ("invitee_name", Text),
        ("rewarded", Bool),
    ],
    source: Source::Pages(&["SELECT i.created_at, i.id, COALESCE(p.display_name, ''),
                EXISTS (SELECT 1 FROM invite_rewards r WHERE r.invitee_id = i.invitee_id)
         FROM invitations i LEFT JOIN profiles p ON p.user_id = i.invitee_id
         WHERE i.inviter_id = $1
           AND i.created_at >= $2 AND (i.created_at > $2 OR i.id > $3)
         ORDER BY i.created_at, i.id LIMIT $4"]),
};

/// Invitation rewards (友達招待特典) the member received, as inviter or as the invited member.
pub const INVITE_REWARDS: Section = Section {
    name: "invite_rewards",
    columns: &[
        ("rewarded_at", Int),
        ("reward_id", Int),
        ("role", Text),
        ("points", Int),
    ],
    source: Source::Pages(&[
        "SELECT created_at, id, 'invited', invitee_points FROM invite_rewards
         WHERE invitee_id = $1 AND created_at >= $2 AND (created_at > $2 OR id > $3)
         ORDER BY created_at, id LIMIT $4",
        "SELECT created_at, id, 'inviter', inviter_points FROM invite_rewards
         WHERE inviter_id = $1 AND created_at >= $2 AND (created_at > $2 OR id > $3)
         ORDER BY created_at, id LIMIT $4",
    ]),
};

/// When the withdrawal page showed the member improvement hints (kept until the outcome is
/// counted: see `withdrawal_hint_views`).
pub const WITHDRAWAL_HINTS_SEEN: Section = Section {
    name: "withdrawal_hints_seen",
    columns: &[("seen_at", Int), ("user_id", Int)],
    source: Source::Pages(&["SELECT seen_at, user_id FROM withdrawal_hint_views
         WHERE user_id = $1 AND seen_at >= $2 AND (seen_at > $2 OR user_id > $3)
         ORDER BY seen_at, user_id LIMIT $4"]),
};

/// Every section, in the order of the archive and of `index.html`.
pub const ALL: [&Section; 34] = [
    &PROFILE,
    &SERVICES,
    &SERVICE_OPTIONS,
    &SERVICE_FAQS,
    &SERVICE_IMAGES,
    &ORDERS,
    &MESSAGES,
    &ATTACHMENTS,
    &DISPUTES,
    &DISPUTE_STATEMENTS,
    &REVIEWS_RECEIVED,
    &REVIEWS_GIVEN,
    &SALES,
    &LEDGER,
    &PAYOUTS,
    &POINTS,
    &COUPONS,
    &REPORTS_FILED,
    &NOTIFICATIONS,
    &ORDER_ADDITIONS,
    &ORDER_EXTENSIONS,
    &CONSULTATION_MESSAGES,
    &CONSULTATION_ATTACHMENTS,
    &OFFERS,
    &ORDER_TIPS,
    &REQUESTS_POSTED,
    &PROPOSALS_SENT,
    &SERVICE_ANALYTICS,
    &FOLLOWING,
    &FOLLOWERS,
    &INVITE_CODE,
    &INVITATIONS_SENT,
    &INVITE_REWARDS,
    &WITHDRAWAL_HINTS_SEEN,
];
