//! Who runs the shop: the operator's details that Japanese law requires a marketplace to show
//! (特定商取引法に基づく表記) and that the terms of service name as the contracting party.
//!
//! They are configuration, not messages: they are the same in every language, and they
//! differ between installations. The defaults are demo values that say so, so a site that
//! forgot to set them does not look like it belongs to a real company.

use yorozu_domain::accounts::Email;

/// Demo values, also the defaults of the server's `YOROZU_BUSINESS_*` settings.
pub const DEMO_OPERATOR_NAME: &str = "よろず株式会社（デモ）";
pub const DEMO_REPRESENTATIVE: &str = "山田 太郎（デモ）";
pub const DEMO_POSTAL_ADDRESS: &str = "〒100-0001 東京都千代田区千代田1-1（デモ）";
pub const DEMO_PHONE: &str = "03-0000-0000";
pub const DEMO_CONTACT_EMAIL: &str = "support@yorozu.localhost";

/// The operator of this installation, as shown on the legal pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Business {
    /// 販売事業者: the company or person that runs the marketplace.
    pub operator_name: String,
    /// 運営統括責任者: the person responsible for running it.
    pub representative: String,
    /// 所在地, with the postal code.
    pub postal_address: String,
    /// 電話番号, as it should be printed (e.g. `03-0000-0000`).
    pub phone: String,
    /// メールアドレス for enquiries.
    pub contact_email: Email,
    /// 適格請求書発行事業者登録番号: printed on receipts and statements when the operator is
    /// a registered qualified-invoice issuer. `None` means not registered, and the papers say
    /// so; there is deliberately no demo number, since a made-up one on a receipt would be a
    /// false statement to the tax office.
    pub invoice_number: Option<InvoiceNumber>,
}

/// A qualified-invoice registration number (適格請求書発行事業者登録番号): `T` and exactly 13
/// digits, e.g. `T1234567890123`.
///
/// Input is normalised the way people copy it from the National Tax Agency's site or type it
/// with a Japanese IME: full-width characters (「Ｔ１２３…」), a lower-case `t`, and spaces or
/// hyphens between digit groups (`T1-2345-6789-0123`) are accepted. The check digit is not
/// verified: it is defined for corporate numbers, and numbers given to sole proprietors follow
/// other rules.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InvoiceNumber(String);

impl InvoiceNumber {
    /// Parses a registration number; see the type's documentation for what is accepted.
    pub fn parse(input: &str) -> Result<InvoiceNumber, BusinessError> {
        let folded: String = input
            .chars()
            .map(|c| match c {
                // Full-width ASCII (！ .. ～) maps 1:1 onto ASCII 0x21..0x7E.
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                // Dashes that IMEs produce between digit groups.
                'ー' | '‐' | '−' | '–' | '—' => '-',
                _ => c,
            })
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        let digits = folded
            .strip_prefix(['T', 't'])
            .ok_or(BusinessError::InvoiceNumber)?;
        if digits.len() != 13 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BusinessError::InvoiceNumber);
        }
        Ok(InvoiceNumber(format!("T{digits}")))
    }

    /// Like [`InvoiceNumber::parse`], with an empty (or blank) setting meaning "not
    /// registered".
    pub fn parse_optional(input: &str) -> Result<Option<InvoiceNumber>, BusinessError> {
        if input.trim().is_empty() {
            Ok(None)
        } else {
            InvoiceNumber::parse(input).map(Some)
        }
    }

    /// The number as printed: `T` and 13 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for InvoiceNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A business detail that cannot go on a legal page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BusinessError {
    #[error("the {0} is empty")]
    Empty(&'static str),
    #[error("the phone number may only contain digits, spaces, +, -, ( and )")]
    Phone,
    #[error("the contact e-mail address is not valid")]
    Email,
    #[error("the invoice registration number must be T followed by 13 digits")]
    InvoiceNumber,
}

impl Business {
    /// Parses the configured details; every field is required because the law requires it.
    /// The invoice registration number is optional and set apart (see
    /// [`InvoiceNumber::parse_optional`]); it starts as `None`.
    pub fn parse(
        operator_name: &str,
        representative: &str,
        postal_address: &str,
        phone: &str,
        contact_email: &str,
    ) -> Result<Business, BusinessError> {
        let required = |value: &str, what: &'static str| {
            let value = value.trim();
            if value.is_empty() {
                Err(BusinessError::Empty(what))
            } else {
                Ok(value.to_owned())
            }
        };
        let phone = required(phone, "phone number")?;
        if !phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        {
            return Err(BusinessError::Phone);
        }
        Ok(Business {
            operator_name: required(operator_name, "operator name")?,
            representative: required(representative, "representative")?,
            postal_address: required(postal_address, "postal address")?,
            phone,
            contact_email: Email::parse(contact_email).map_err(|_| BusinessError::Email)?,
            invoice_number: None,
        })
    }

    /// The phone number for a `tel:` link: digits and a leading `+` only.
    pub fn phone_uri(&self) -> String {
        let digits: String = self
            .phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        format!("tel:{digits}")
    }

    /// True while the demo details are in use (the server warns when it is reachable from
    /// other machines).
    pub fn is_demo(&self) -> bool {
        self.operator_name == DEMO_OPERATOR_NAME
            || self.contact_email.as_str() == DEMO_CONTACT_EMAIL
    }
}

impl Default for Business {
    fn default() -> Business {
        Business::parse(
            DEMO_OPERATOR_NAME,
            DEMO_REPRESENTATIVE,
            DEMO_POSTAL_ADDRESS,
            DEMO_PHONE,
            DEMO_CONTACT_EMAIL,
        )
        // The demo values are constants above, and a unit test parses them.
        .expect("the demo business details are valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_details_parse_and_say_they_are_demo() {
        let demo = Business::default();
        assert_eq!(demo.operator_name, "よろず株式会社（デモ）");
        assert_eq!(demo.contact_email.as_str(), "support@yorozu.localhost");
        assert_eq!(demo.phone_uri(), "tel:0300000000");
        assert!(demo.is_demo());
        assert_eq!(demo.invoice_number, None, "no made-up registration number");
    }

    #[test]
    fn invoice_numbers_are_t_and_13_digits_in_any_width() {
        let number = |s: &str| InvoiceNumber::parse(s).map(|n| n.to_string());
        assert_eq!(number("T1234567890123"), Ok("T1234567890123".into()));
        assert_eq!(number(" t1234567890123 "), Ok("T1234567890123".into()));
        assert_eq!(
            number("Ｔ１２３４５６７８９０１２３"),
            Ok("T1234567890123".into())
        );
        assert_eq!(number("T1-2345-6789-0123"), Ok("T1234567890123".into()));
        assert_eq!(
            number("Ｔ１－２３４５－６７８９－０１２３"),
            Ok("T1234567890123".into())
        );
        for bad in [
            "",
            "1234567890123",
            "T123456789012",
            "T12345678901234",
            "T123456789012a",
            "TT1234567890123",
            "X1234567890123",
            "T１２３４５６７８９０１２٣",
        ] {
            assert_eq!(
                InvoiceNumber::parse(bad),
                Err(BusinessError::InvoiceNumber),
                "{bad}"
            );
        }
        assert_eq!(InvoiceNumber::parse_optional("  "), Ok(None));
        assert_eq!(
            InvoiceNumber::parse_optional("T1234567890123").map(|n| n.is_some()),
            Ok(true)
        );
        assert_eq!(
            InvoiceNumber::parse_optional("T12"),
            Err(BusinessError::InvoiceNumber)
        );
    }

    #[test]
    fn configured_details_are_trimmed_and_checked() {
        let real = Business::parse(
            " 株式会社テスト ",
            "佐藤 花子",
            "〒150-0002 東京都渋谷区渋谷2-2-2",
            "+81 3-1234-5678",
            "Info@Example.JP",
        )
        .expect("valid");
        assert_eq!(real.operator_name, "株式会社テスト");
        assert_eq!(real.contact_email.as_str(), "info@example.jp");
        assert_eq!(real.phone_uri(), "tel:+81312345678");
        assert!(!real.is_demo());

        let parse = |name, phone, email| Business::parse(name, "r", "a", phone, email);
        assert_eq!(
            parse(" ", "03", "a@example.jp"),
            Err(BusinessError::Empty("operator name"))
        );
        assert_eq!(
            parse("n", "03-1234-abcd", "a@example.jp"),
            Err(BusinessError::Phone)
        );
        assert_eq!(
            parse("n", "03", "not-an-address"),
            Err(BusinessError::Email)
        );
    }
}
