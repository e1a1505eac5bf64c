//! Sales balance and payouts: sales per completed order, bank accounts, payout requests and
//! transfer batches.

pub mod bank_accounts;
pub mod batches;
pub mod console;
pub mod requests;
pub mod sales;
