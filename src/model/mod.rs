//! Domain types shared by every part of opends: tokens, their types and paths.

mod token;

pub use token::{Deprecation, Group, Token, TokenPath, TokenType, Tokens};
