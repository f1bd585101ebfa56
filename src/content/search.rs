//! Instant offline search across the guide and the glossary.
