//! goudenoor: assess complaint and feedback management against the Gouden Oor
//! Maturity Check and the Stv normenkader, in the terminal.

pub mod app;
pub mod cli;
pub mod domain;
#[doc(hidden)]
pub mod fixtures;
pub mod import;
pub mod output;
pub mod radar;
pub mod report;
pub mod store;
pub mod tui;
pub mod ui;
