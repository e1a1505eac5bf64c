//! The built-in payment provider: a simulation of a card processor's test mode.
//!
//! It behaves like a real processor's sandbox: numbers must pass the Luhn check, the security
//! code must be 3 digits (4 for American Express), and these test numbers give fixed outcomes
//! (any expiry month 1–12 and any valid security code):
//!
//! | number               | brand      | outcome                                                          |
//! |----------------------|------------|------------------------------------------------------------------|
//! | `4242424242424242`   | visa       | succeeds                                                         |
//! | `5555555555554444`   | mastercard | succeeds                                                         |
//! | `3530111333300000`   | jcb        | succeeds                                                         |
//! | `4000000000000002`   | visa       | declined at registration (`generic_decline`)                     |
//! | `4000000000009995`   | visa       | registers; every charge is declined (`insufficient_funds`)       |
//! | `4000000000000069`   | visa       | refused at registration as expired ([`PaymentError::CardExpired`]) |
//! | `4000000000000119`   | visa       | registers; the FIRST charge attempt per idempotency key fails with [`PaymentError::Transient`], the retry with the same key succeeds |
//!
//! Any other Luhn-valid number of 12–19 digits succeeds, with the brand read from its prefix.
//!
//! Idempotency: a charge or refund repeated with the same key and the same parameters returns the
//! first result (a success or a decline) and moves no money again; the same key with different
//! parameters fails with [`PaymentError::IdempotencyMismatch`]. Requests rejected before they
//! reach the "issuer" (unknown token, bad amount) are not remembered.
//!
//! The sandbox does not check the expiry date against a clock: the use cases do that with the
//! application's clock before tokenising.
//!
//! Card numbers are never kept, not even here: a token remembers only its brand, last four
//! digits, expiry and its test behaviour.
//!
//! **Tokens and charge ids describe themselves** (`tok_sandbox_<behaviour>_…`,
//! `ch_sandbox_<amount>_…`), like a processor's well-known test tokens: a restarted sandbox, or
//! another server process, still charges a card registered earlier and refunds a charge made
//! earlier. Idempotency keys, deletions and refunded amounts live in this process's memory,
//! behind a mutex; a real provider keeps that state on its side.

use std::collections::HashMap;
use std::sync::Mutex;

use super::payments::{
    CardToken, Charge, PaymentError, PaymentGateway, Refund, card_brand, luhn_valid,
};

/// How a sandbox card behaves when charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Behaviour {
    Succeeds,
    InsufficientFunds,
    TransientOnFirstAttempt,
}

#[derive(Debug)]
struct SandboxCard {
    behaviour: Behaviour,
    deleted: bool,
}

#[derive(Debug)]
struct SandboxCharge {
    amount_yen: i64,
    refunded_yen: i64,
}

/// What an idempotency key was first used for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Request {
    Charge { token: String, amount_yen: i64 },
    Refund { charge_id: String, amount_yen: i64 },
}

#[derive(Debug, Clone)]
enum Outcome {
    Charge(Result<Charge, PaymentError>),
    Refund(Result<Refund, PaymentError>),
}

#[derive(Debug)]
struct KeyUse {
    request: Request,
    /// `None` while only transient failures have happened: the next attempt runs again.
    outcome: Option<Outcome>,
}

#[derive(Debug, Default)]
struct State {
    cards: HashMap<String, SandboxCard>,
    charges: HashMap<String, SandboxCharge>,
    keys: HashMap<String, KeyUse>,
}

/// The sandbox provider; see the module documentation for its test numbers.
#[derive(Default)]
pub struct SandboxGateway {
    state: Mutex<State>,
}

impl std::fmt::Debug for SandboxGateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = self.lock();
        f.debug_struct("SandboxGateway")
            .field("cards", &state.cards.len())
            .field("charges", &state.charges.len())
            .finish_non_exhaustive()
    }
}

fn new_id(prefix: &str) -> String {
    let token = crate::crypto::random_token();
    format!("{prefix}_sandbox_{}", &token[..24])
}

impl Behaviour {
    fn key(self) -> &'static str {
        match self {
            Behaviour::Succeeds => "ok",
            Behaviour::InsufficientFunds => "nsf",
            Behaviour::TransientOnFirstAttempt => "flaky",
        }
    }

    /// The behaviour written into a token by [`token_for`], if it is one.
    fn of_token(token: &str) -> Option<Behaviour> {
        let rest = token.strip_prefix("tok_sandbox_")?;
        let (key, random) = rest.split_once('_')?;
        if random.len() != 24 {
            return None;
        }
        [
            Behaviour::Succeeds,
            Behaviour::InsufficientFunds,
            Behaviour::TransientOnFirstAttempt,
        ]
        .into_iter()
        .find(|b| b.key() == key)
    }
}

fn token_for(behaviour: Behaviour) -> String {
    format!(
        "tok_sandbox_{}_{}",
        behaviour.key(),
        &crate::crypto::random_token()[..24]
    )
}

/// A charge id that carries its amount, so that any sandbox can refund it.
fn charge_id_for(amount_yen: i64) -> String {
    format!(
        "ch_sandbox_{amount_yen}_{}",
        &crate::crypto::random_token()[..24]
    )
}

/// The amount written into a charge id by [`charge_id_for`], if it is one.
fn amount_of_charge(charge_id: &str) -> Option<i64> {
    let rest = charge_id.strip_prefix("ch_sandbox_")?;
    let (amount, random) = rest.split_once('_')?;
    (random.len() == 24).then_some(())?;
    amount.parse().ok().filter(|a: &i64| *a > 0)
}

impl SandboxGateway {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding the lock leaves consistent maps behind (every update is a single
        // insert), so a poisoned lock is still usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How many charges succeeded (for tests).
    pub fn charge_count(&self) -> usize {
        self.lock().charges.len()
    }

    /// Money charged and not refunded, over every charge (for tests).
    pub fn net_charged(&self) -> i64 {
        self.lock()
            .charges
            .values()
            .map(|c| c.amount_yen - c.refunded_yen)
            .sum()
    }

    /// Whether a token exists and is not deleted (for tests).
    pub fn token_is_live(&self, token: &str) -> bool {
        self.lock().cards.get(token).is_some_and(|c| !c.deleted)
    }
}

/// Checks an earlier use of an idempotency key: `Some(outcome)` to repeat, `None` to run.
fn replay(state: &State, key: &str, request: &Request) -> Result<Option<Outcome>, PaymentError> {
    match state.keys.get(key) {
        None => Ok(None),
        Some(used) if used.request != *request => Err(PaymentError::IdempotencyMismatch),
        Some(used) => Ok(used.outcome.clone()),
    }
}

#[async_trait::async_trait]
impl PaymentGateway for SandboxGateway {
    async fn create_card_token(
        &self,
        number: &str,
        exp_month: u32,
        exp_year: u32,
        cvc: &str,
    ) -> Result<CardToken, PaymentError> {
        if !(12..=19).contains(&number.len())
            || !luhn_valid(number)
            || !(1..=12).contains(&exp_month)
        {
            return Err(PaymentError::InvalidCard);
        }
        let brand = card_brand(number);
        let cvc_len = if brand == "amex" { 4 } else { 3 };
        if cvc.len() != cvc_len || !cvc.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PaymentError::InvalidCard);
        }
        let behaviour = match number {
            "4000000000000002" => {
                return Err(PaymentError::Declined {
                    code: "generic_decline".into(),
                });
            }
            "4000000000000069" => return Err(PaymentError::CardExpired),
            "4000000000009995" => Behaviour::InsufficientFunds,
            "4000000000000119" => Behaviour::TransientOnFirstAttempt,
            _ => Behaviour::Succeeds,
        };
        let token = token_for(behaviour);
        self.lock().cards.insert(
            token.clone(),
            SandboxCard {
                behaviour,
                deleted: false,
            },
        );
        Ok(CardToken {
            token,
            brand: brand.to_owned(),
            last4: number[number.len() - 4..].to_owned(),
            exp_month,
            exp_year,
        })
    }

    async fn charge(
        &self,
        token: &str,
        amount_yen: i64,
        idempotency_key: &str,
    ) -> Result<Charge, PaymentError> {
        let request = Request::Charge {
            token: token.to_owned(),
            amount_yen,
        };
        let mut state = self.lock();
        match replay(&state, idempotency_key, &request)? {
            Some(Outcome::Charge(result)) => return result,
            Some(Outcome::Refund(_)) => return Err(PaymentError::IdempotencyMismatch),
            None => {}
        }
        if amount_yen <= 0 {
            return Err(PaymentError::InvalidAmount);
        }
        let behaviour = match state.cards.get(token) {
            Some(card) if !card.deleted => card.behaviour,
            Some(_) => return Err(PaymentError::UnknownToken),
            // Made by another process or before a restart: the token says how it behaves.
            None => Behaviour::of_token(token).ok_or(PaymentError::UnknownToken)?,
        };
        let first_attempt = !state.keys.contains_key(idempotency_key);
        let result = match behaviour {
            Behaviour::TransientOnFirstAttempt if first_attempt => {
                state.keys.insert(
                    idempotency_key.to_owned(),
                    KeyUse {
                        request,
                        outcome: None,
                    },
                );
                return Err(PaymentError::Transient(
                    "sandbox: processing error, please retry".into(),
                ));
            }
            Behaviour::InsufficientFunds => Err(PaymentError::Declined {
                code: "insufficient_funds".into(),
            }),
            Behaviour::Succeeds | Behaviour::TransientOnFirstAttempt => {
                let charge = Charge {
                    id: charge_id_for(amount_yen),
                    token: token.to_owned(),
                    amount_yen,
                };
                state.charges.insert(
                    charge.id.clone(),
                    SandboxCharge {
                        amount_yen,
                        refunded_yen: 0,
                    },
                );
                Ok(charge)
            }
        };
        state.keys.insert(
            idempotency_key.to_owned(),
            KeyUse {
                request,
                outcome: Some(Outcome::Charge(result.clone())),
            },
        );
        result
    }

    async fn refund(
        &self,
        charge_id: &str,
        amount_yen: i64,
        idempotency_key: &str,
    ) -> Result<Refund, PaymentError> {
        let request = Request::Refund {
            charge_id: charge_id.to_owned(),
            amount_yen,
        };
        let mut state = self.lock();
        match replay(&state, idempotency_key, &request)? {
            Some(Outcome::Refund(result)) => return result,
            Some(Outcome::Charge(_)) => return Err(PaymentError::IdempotencyMismatch),
            None => {}
        }
        if amount_yen <= 0 {
            return Err(PaymentError::InvalidAmount);
        }
        if !state.charges.contains_key(charge_id) {
            // Made by another process or before a restart: the id says how much it was.
            let amount = amount_of_charge(charge_id).ok_or(PaymentError::UnknownCharge)?;
            state.charges.insert(
                charge_id.to_owned(),
                SandboxCharge {
                    amount_yen: amount,
                    refunded_yen: 0,
                },
            );
        }
        let charge = state
            .charges
            .get_mut(charge_id)
            .ok_or(PaymentError::UnknownCharge)?;
        if charge.refunded_yen + amount_yen > charge.amount_yen {
            return Err(PaymentError::RefundExceedsCharge);
        }
        charge.refunded_yen += amount_yen;
        let refund = Refund {
            id: new_id("re"),
            charge_id: charge_id.to_owned(),
            amount_yen,
        };
        state.keys.insert(
            idempotency_key.to_owned(),
            KeyUse {
                request,
                outcome: Some(Outcome::Refund(Ok(refund.clone()))),
            },
        );
        Ok(refund)
    }

    async fn delete_card(&self, token: &str) -> Result<(), PaymentError> {
        match self.lock().cards.get_mut(token) {
            Some(card) => {
                card.deleted = true;
                Ok(())
            }
            None => Err(PaymentError::UnknownToken),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn token(g: &SandboxGateway, number: &str) -> String {
        g.create_card_token(number, 12, 2030, "123")
            .await
            .expect("token")
            .token
    }

    #[tokio::test]
    async fn test_numbers_behave_as_documented() {
        let g = SandboxGateway::default();
        for (number, brand) in [
            ("4242424242424242", "visa"),
            ("5555555555554444", "mastercard"),
            ("3530111333300000", "jcb"),
        ] {
            let card = g
                .create_card_token(number, 1, 2030, "123")
                .await
                .expect("token");
            assert_eq!(
                (card.brand.as_str(), &card.last4[..]),
                (brand, &number[12..])
            );
            assert!(!card.token.contains(number));
            g.charge(&card.token, 1000, &format!("k-{number}"))
                .await
                .expect("charge");
        }
        let declined = g
            .create_card_token("4000000000000002", 1, 2030, "123")
            .await;
        assert_eq!(
            declined,
            Err(PaymentError::Declined {
                code: "generic_decline".into()
            })
        );
        assert_eq!(
            g.create_card_token("4000000000000069", 1, 2030, "123")
                .await,
            Err(PaymentError::CardExpired)
        );
        assert_eq!(
            g.create_card_token("4242424242424241", 1, 2030, "123")
                .await,
            Err(PaymentError::InvalidCard)
        );
        assert_eq!(
            g.create_card_token("4242424242424242", 13, 2030, "123")
                .await,
            Err(PaymentError::InvalidCard)
        );
        assert_eq!(
            g.create_card_token("4242424242424242", 1, 2030, "12").await,
            Err(PaymentError::InvalidCard)
        );

        let poor = token(&g, "4000000000009995").await;
        let result = g.charge(&poor, 1000, "poor").await;
        assert_eq!(
            result,
            Err(PaymentError::Declined {
                code: "insufficient_funds".into()
            })
        );
        assert_eq!(
            g.charge(&poor, 1000, "poor").await,
            result,
            "a decline is replayed too"
        );
    }

    #[tokio::test]
    async fn idempotency_and_refunds() {
        let g = SandboxGateway::default();
        let t = token(&g, "4242424242424242").await;
        let first = g.charge(&t, 5000, "order-1").await.expect("charge");
        assert_eq!(g.charge(&t, 5000, "order-1").await, Ok(first.clone()));
        assert_eq!(g.charge_count(), 1);
        assert_eq!(
            g.charge(&t, 6000, "order-1").await,
            Err(PaymentError::IdempotencyMismatch)
        );
        assert_eq!(
            g.charge(&t, 0, "order-2").await,
            Err(PaymentError::InvalidAmount)
        );

        let refund = g.refund(&first.id, 3000, "refund-1").await.expect("refund");
        assert_eq!(g.refund(&first.id, 3000, "refund-1").await, Ok(refund));
        assert_eq!(
            g.refund(&first.id, 2001, "refund-2").await,
            Err(PaymentError::RefundExceedsCharge)
        );
        g.refund(&first.id, 2000, "refund-2")
            .await
            .expect("the rest");
        assert_eq!(
            g.refund("ch_nope", 1, "refund-3").await,
            Err(PaymentError::UnknownCharge)
        );
        assert_eq!(
            g.refund(&first.id, 3000, "order-1").await,
            Err(PaymentError::IdempotencyMismatch)
        );

        g.delete_card(&t).await.expect("delete");
        g.delete_card(&t).await.expect("deleting twice is fine");
        assert_eq!(
            g.charge(&t, 5000, "order-3").await,
            Err(PaymentError::UnknownToken)
        );
        assert_eq!(
            g.charge(&t, 5000, "order-1").await,
            Ok(first),
            "earlier results are still replayed"
        );
    }

    #[tokio::test]
    async fn tokens_and_charges_outlive_the_process() {
        let first = SandboxGateway::default();
        let ok = token(&first, "4242424242424242").await;
        let nsf = token(&first, "4000000000009995").await;
        let charge = first.charge(&ok, 3000, "order-1").await.expect("charge");
        // A restarted sandbox (or another server process) knows nothing of the above.
        let restarted = SandboxGateway::default();
        restarted
            .charge(&ok, 1000, "order-2")
            .await
            .expect("the old token still charges");
        assert_eq!(
            restarted.charge(&nsf, 1000, "order-3").await,
            Err(PaymentError::Declined {
                code: "insufficient_funds".into()
            })
        );
        restarted
            .refund(&charge.id, 3000, "refund-1")
            .await
            .expect("the old charge refunds");
        assert_eq!(
            restarted.refund(&charge.id, 1, "refund-2").await,
            Err(PaymentError::RefundExceedsCharge)
        );
        for forged in [
            "tok_sandbox_ok_short",
            "tok_sandbox_rich_aaaaaaaaaaaaaaaaaaaaaaaa",
            "tok_other",
        ] {
            assert_eq!(
                restarted.charge(forged, 1000, forged).await,
                Err(PaymentError::UnknownToken),
                "{forged}"
            );
        }
    }
}
