//! The quick-exit keyboard shortcut, as GOV.UK's "Exit this page" defines it: Shift pressed
//! on its own three times, each press within 5 seconds of the last. Shift used with another
//! key does not count, and any other key starts the count again.

/// Presses needed.
pub const PRESSES: u8 = 3;
/// Milliseconds allowed between one press and the next.
pub const WINDOW_MS: f64 = 5_000.0;

/// A key event, reduced to what the shortcut needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyEvent {
    ShiftDown,
    ShiftUp,
    /// Any other key went down.
    OtherDown,
}

/// What the event did to the count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to announce.
    Nothing,
    /// Shift has now been pressed this many times (1 or 2).
    Counted(u8),
    /// A count in progress was cleared by another key.
    Reset,
    /// Third press: leave now.
    Exit,
}

/// The count so far.
#[derive(Clone, Debug, Default)]
pub struct ShiftCounter {
    count: u8,
    last_ms: f64,
    shift_held: bool,
    /// Another key went down while Shift was held: this press is not Shift on its own.
    used_with_other: bool,
}

impl ShiftCounter {
    /// Feeds one key event at time `now_ms`.
    pub fn on(&mut self, event: KeyEvent, now_ms: f64) -> Outcome {
        match event {
            KeyEvent::ShiftDown => {
                if !self.shift_held {
                    self.shift_held = true;
                    self.used_with_other = false;
                }
                Outcome::Nothing
            }
            KeyEvent::OtherDown => {
                if self.shift_held {
                    self.used_with_other = true;
                }
                let had = self.count > 0;
                self.count = 0;
                if had {
                    Outcome::Reset
                } else {
                    Outcome::Nothing
                }
            }
            KeyEvent::ShiftUp => {
                self.shift_held = false;
                if self.used_with_other {
                    return Outcome::Nothing;
                }
                if self.count > 0 && now_ms - self.last_ms > WINDOW_MS {
                    self.count = 0;
                }
                self.count += 1;
                self.last_ms = now_ms;
                if self.count >= PRESSES {
                    self.count = 0;
                    Outcome::Exit
                } else {
                    Outcome::Counted(self.count)
                }
            }
        }
    }

    /// Clears the count when the 5 seconds run out. True if a count was cleared.
    pub fn expire(&mut self, now_ms: f64) -> bool {
        if self.count > 0 && now_ms - self.last_ms >= WINDOW_MS {
            self.count = 0;
            true
        } else {
            false
        }
    }
}

/// What a screen reader hears after each press.
pub fn announcement(outcome: Outcome) -> Option<String> {
    match outcome {
        Outcome::Counted(n) => {
            let left = PRESSES - n;
            Some(format!(
                "Shift pressed {n} {}. Press Shift {left} more {} to leave this page.",
                if n == 1 { "time" } else { "times" },
                if left == 1 { "time" } else { "times" }
            ))
        }
        Outcome::Exit => Some("Leaving this page.".to_owned()),
        Outcome::Reset | Outcome::Nothing => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use KeyEvent::*;

    fn press(c: &mut ShiftCounter, at: f64) -> Outcome {
        c.on(ShiftDown, at);
        c.on(ShiftUp, at + 50.0)
    }

    #[test]
    fn three_presses_within_five_seconds_exit() {
        let mut c = ShiftCounter::default();
        assert_eq!(press(&mut c, 0.0), Outcome::Counted(1));
        assert_eq!(press(&mut c, 2_000.0), Outcome::Counted(2));
        assert_eq!(
            press(&mut c, 6_000.0),
            Outcome::Exit,
            "each press restarts the 5 seconds"
        );
    }

    #[test]
    fn a_gap_of_more_than_five_seconds_starts_again() {
        let mut c = ShiftCounter::default();
        press(&mut c, 0.0);
        press(&mut c, 1_000.0);
        assert_eq!(press(&mut c, 7_000.0), Outcome::Counted(1));
    }

    #[test]
    fn shift_with_another_key_does_not_count() {
        let mut c = ShiftCounter::default();
        // Typing a capital A: Shift down, A down, Shift up.
        c.on(ShiftDown, 0.0);
        c.on(OtherDown, 10.0);
        assert_eq!(c.on(ShiftUp, 20.0), Outcome::Nothing);
        assert_eq!(press(&mut c, 100.0), Outcome::Counted(1));
    }

    #[test]
    fn another_key_resets_the_count() {
        let mut c = ShiftCounter::default();
        press(&mut c, 0.0);
        press(&mut c, 100.0);
        assert_eq!(c.on(OtherDown, 200.0), Outcome::Reset);
        assert_eq!(press(&mut c, 300.0), Outcome::Counted(1));
    }

    #[test]
    fn the_count_expires() {
        let mut c = ShiftCounter::default();
        press(&mut c, 0.0);
        assert!(!c.expire(4_000.0));
        assert!(c.expire(5_100.0));
        assert_eq!(press(&mut c, 5_200.0), Outcome::Counted(1));
    }

    #[test]
    fn announcements_count_down() {
        assert_eq!(
            announcement(Outcome::Counted(1)).unwrap(),
            "Shift pressed 1 time. Press Shift 2 more times to leave this page."
        );
        assert_eq!(
            announcement(Outcome::Counted(2)).unwrap(),
            "Shift pressed 2 times. Press Shift 1 more time to leave this page."
        );
    }
}
