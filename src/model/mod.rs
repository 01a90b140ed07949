//! Domain types shared by every part of opends: tokens, their types and paths.

pub mod component;
pub mod theme;
mod token;

pub use component::{Component, Status, StoredComponent};
pub use token::{Deprecation, Group, Token, TokenPath, TokenType, Tokens};
