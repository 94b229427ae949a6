//! goudenoor: assess complaint and feedback management against the Gouden Oor
//! Maturity Check and the Stv normenkader, in the terminal.

pub mod domain;
#[doc(hidden)]
pub mod fixtures;
pub mod store;
