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
}

impl Business {
    /// Parses the configured details; every field is required because the law requires it.
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
