//! Payouts (振込申請): when a payout is transferred and what it costs, bank accounts, and the
//! 全銀協 (Zengin) transfer file. One file per concept.

pub mod bank;
pub mod banks;
pub mod kana;
pub mod schedule;
pub mod status;
pub mod zengin;

pub use bank::{
    AccountHolder, AccountNumber, AccountType, BankAccount, BankAccountError, BankCode, BranchCode,
};
pub use banks::{Bank, BankLookupError, Branch};
pub use kana::{KanaError, is_zengin_char, to_zengin_kana};
pub use status::{BatchStatus, PayoutStatus, SaleState};
pub use zengin::{PayingAccount, Transfer, TransferFile, ZenginError};
