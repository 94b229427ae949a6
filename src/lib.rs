//! goudenoor: assess complaint and feedback management against the Gouden Oor
//! Maturity Check and the Stv normenkader, in the terminal.

pub mod app;
pub mod cli;
pub mod domain;
pub mod export;
#[cfg(feature = "dev")]
pub mod fixtures;
pub mod import;
pub mod live;
pub mod live_bridge;
pub mod output;
pub mod paper;
pub mod procedure;
pub mod radar;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
