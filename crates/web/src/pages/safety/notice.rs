//! The contact-details warning (直接取引の禁止) as a form shows it: per field, the text cut into
//! pieces with the found ones marked. The template escapes every piece and wraps the found
//! ones in `<mark>`: no markup is ever built from the member's text.

use yorozu_app::safety::contact::ContactWarning;

use crate::ctx::Ctx;

/// One piece of a checked text.
#[derive(Debug)]
pub struct NoticeSegment {
    pub text: String,
    /// The kind's name when the piece was found (「メールアドレス」).
    pub found: Option<String>,
}

/// One field with findings.
#[derive(Debug)]
pub struct NoticeField {
    pub label: String,
    pub segments: Vec<NoticeSegment>,
    /// The kinds found, named and joined (「メールアドレス、電話番号」).
    pub kinds: String,
}

/// The warning of one form.
#[derive(Debug)]
pub struct ContactNotice {
    pub fields: Vec<NoticeField>,
    /// The id of the input the 「修正する」 link goes back to.
    pub edit_anchor: String,
}

fn kind_name(ctx: &Ctx, kind: yorozu_domain::contact_rule::FindingKind) -> String {
    ctx.t(&format!("contact-kind-{}", kind.as_str().replace('_', "-")))
}

impl ContactNotice {
    /// The warning for `ctx`'s reader; `edit_anchor` is the id of the main input.
    pub fn new(ctx: &Ctx, warning: &ContactWarning, edit_anchor: &str) -> ContactNotice {
        let fields = warning
            .fields
            .iter()
            .map(|f| {
                let mut kinds: Vec<_> = f.findings.iter().map(|x| x.kind).collect();
                kinds.sort();
                kinds.dedup();
                NoticeField {
                    label: ctx.t(&format!("contact-field-{}", f.field.replace('_', "-"))),
                    segments: f
                        .segments()
                        .into_iter()
                        .map(|s| NoticeSegment {
                            found: s.found.map(|k| kind_name(ctx, k)),
                            text: s.text,
                        })
                        .collect(),
                    kinds: kinds
                        .into_iter()
                        .map(|k| kind_name(ctx, k))
                        .collect::<Vec<_>>()
                        .join(&ctx.t("contact-kind-separator")),
                }
            })
            .collect();
        ContactNotice {
            fields,
            edit_anchor: edit_anchor.to_owned(),
        }
    }
}
