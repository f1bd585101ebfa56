use super::*;
use proptest::prelude::*;

fn sample() -> SharedService {
    SharedService {
        name: "Families After Arrest, Leeds".into(),
        phone: "0113 496 0000".into(),
        hours: "Mon–Fri 9am–5pm".into(),
        area: "West Yorkshire".into(),
        note: "Ask for Sam. We can come to meetings with you.".into(),
    }
}

#[test]
fn a_link_round_trips() {
    let f = encode(&sample());
    assert!(f.starts_with("add=1."));
    assert_eq!(decode(&f), Ok(sample()));
    assert_eq!(decode(&format!("#{f}")), Ok(sample()));
    assert_eq!(
        decode(&format!("{f}&utm_source=mail")),
        Ok(sample()),
        "tracker suffixes are ignored"
    );
    let url = link("https://example.org/harbour/add-service", &sample());
    assert!(url.starts_with("https://example.org/harbour/add-service#add=1."));
}

#[test]
fn the_longest_valid_service_fits() {
    let s = SharedService {
        name: "é".repeat(80),
        phone: "0808 1000 900".into(),
        hours: "€".repeat(80),
        area: "ß".repeat(80),
        note: "\u{1F600}".repeat(280),
    };
    assert!(validate(&s).is_empty());
    let f = encode(&s);
    assert!(f.len() <= MAX_FRAGMENT, "{} characters", f.len());
    assert_eq!(decode(&f), Ok(s));
    assert!(
        qr_svg(&format!("https://example.org/add-service#{f}"), "QR").is_ok(),
        "even the longest link fits a QR code"
    );
}

#[test]
fn bad_links_are_refused_with_a_reason() {
    assert_eq!(decode(""), Err(LinkError::NotAHarbourLink));
    assert_eq!(decode("#section-2"), Err(LinkError::NotAHarbourLink));
    assert_eq!(
        decode(&"a".repeat(MAX_FRAGMENT + 1)),
        Err(LinkError::TooLong)
    );
    assert_eq!(decode("add=2.AAAA"), Err(LinkError::UnknownVersion(2)));
    assert_eq!(decode("add=1.!!!"), Err(LinkError::Damaged));
    assert_eq!(decode("add=1"), Err(LinkError::Damaged));
    let f = encode(&sample());
    assert_eq!(
        decode(&f[..f.len() - 3]),
        Err(LinkError::Damaged),
        "cut short"
    );
    let no_name = encode(&SharedService {
        name: " ".into(),
        ..sample()
    });
    assert!(matches!(decode(&no_name), Err(LinkError::Invalid(_))));
    for e in [
        LinkError::NotAHarbourLink,
        LinkError::Damaged,
        LinkError::TooLong,
    ] {
        assert!(!e.message().is_empty());
    }
}

#[test]
fn a_changed_byte_is_caught() {
    let f = encode(&sample());
    let (head, data) = f.split_at("add=1.".len());
    let bytes = B64.decode(data).unwrap();
    let mut caught = 0;
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut changed = bytes.clone();
            changed[i] ^= 1 << bit;
            if decode(&format!("{head}{}", B64.encode(&changed))).is_err() {
                caught += 1;
            }
        }
    }
    // CRC-32 catches every single-bit change.
    assert_eq!(caught, bytes.len() * 8);
}

#[test]
fn crc32_matches_the_standard() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}

#[test]
fn the_qr_code_is_a_square_svg_with_a_quiet_zone() {
    let svg = qr_svg("https://example.org/", "A QR code").unwrap();
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert!(svg.contains("aria-label=\"A QR code\""));
    assert!(!svg.contains("style="), "no inline styles");
    let view = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
    let size: i32 = view.split(' ').next().unwrap().parse().unwrap();
    assert_eq!(
        (size - 8 - 21) % 4,
        0,
        "a QR code's size (21 + 4n modules) plus 4 each side: {size}"
    );
    assert!(
        svg.contains("M4 4h1v1h-1z"),
        "the finder pattern starts inside the quiet zone"
    );
}

#[test]
fn contacts() {
    let mut c = Contact {
        id: "1".into(),
        ..Default::default()
    };
    assert_eq!(
        validate_contact(&c)[0].message,
        "Enter a name, or choose who they are"
    );
    c.role = Role::Gp;
    c.phone = "123".into();
    c.email = "nope".into();
    let e = validate_contact(&c);
    assert_eq!(e.len(), 2);
    let from = Contact::from_shared("x".into(), &sample());
    assert_eq!(from.role, Role::SupportWorker);
    assert!(from.notes.contains("Hours: Mon–Fri 9am–5pm"));
    assert!(validate_contact(&from).is_empty());
    assert_eq!(Role::Gp.label(), "GP");
    assert_eq!(
        Role::NotChosen.label(),
        "Contact",
        "a contact before she says who"
    );
}

proptest! {
    #[test]
    fn any_valid_service_round_trips(name in "[a-zA-Z0-9 .,'’é€&<>#%\u{1F600}-]{1,80}", hours in "[\\PC]{0,80}", note in "[\\PC\n]{0,280}") {
        prop_assume!(!name.trim().is_empty());
        let s = SharedService { name, phone: String::new(), hours, area: String::new(), note };
        prop_assume!(validate(&s).is_empty());
        let f = encode(&s);
        prop_assert!(f.len() <= MAX_FRAGMENT);
        prop_assert_eq!(decode(&f), Ok(s));
    }
}

#[test]
fn a_link_with_a_direction_override_or_hidden_characters_is_refused_plainly() {
    for name in [
        "\u{202E}ecilop",
        "Pol\u{2066}ice",
        "NSP\u{200B}CC",
        "Help\u{00AD}line",
        "Child\u{E0041}line",
    ] {
        let s = SharedService {
            name: name.into(),
            ..sample()
        };
        assert_eq!(validate(&s)[0].field, "name", "{name:?}");
        let err = decode(&encode(&s)).unwrap_err();
        assert!(
            err.message()
                .starts_with("This link has characters that cannot be seen"),
            "{name:?}: {}",
            err.message()
        );
    }
    let hidden_note = SharedService {
        note: "Call \u{202D}0800".into(),
        ..sample()
    };
    assert_eq!(validate(&hidden_note)[0].field, "note");
    let emoji_note = SharedService {
        note: "Families welcome 👩‍👧".into(),
        ..sample()
    };
    assert!(
        validate(&emoji_note).is_empty(),
        "joiners in emoji are fine in a note"
    );
}

#[test]
fn typed_contacts_are_checked_for_hidden_characters_too() {
    let mut c = Contact {
        id: "1".into(),
        role: Role::SocialWorker,
        name: "Ms A".into(),
        ..Default::default()
    };
    assert!(validate_contact(&c).is_empty());
    c.name = "Ms\u{202E} A".into();
    assert_eq!(validate_contact(&c)[0].field, "contact-name");
    c.name = "Ms A".into();
    c.phone = "0808\u{200B}800".into();
    assert!(validate_contact(&c)
        .iter()
        .any(|e| e.field == "contact-phone"));
}

#[test]
fn roles_are_stored_as_before() {
    use crate::domain::choice::tests::{not_chosen_is_empty, stored_as};
    stored_as::<Role>(&[
        "social-worker",
        "duty-team",
        "solicitor",
        "school-dsl",
        "gp",
        "offender-manager",
        "police",
        "support-worker",
        "other",
    ]);
    not_chosen_is_empty(Role::NotChosen);
}

#[test]
fn a_link_carries_no_role_so_its_contact_is_a_support_worker() {
    let fragment = encode(&sample());
    let service = decode(&fragment).expect("a valid link");
    let contact = Contact::from_shared("x".into(), &service);
    assert_eq!(contact.role, Role::SupportWorker);
    assert!(serde_json::to_string(&contact)
        .unwrap()
        .contains(r#""role":"support-worker""#));
}

/// A stored contact (or one in a backup, which opens through the same envelope) with a role
/// Harbour does not know is refused whole, never half-read: the data stays as it is and is
/// reported unreadable. Harbour never writes one: the schema gate refuses newer data.
#[test]
fn stored_data_with_an_unknown_role_is_unreadable_not_half_read() {
    use crate::domain::data::Snapshot;
    use crate::domain::envelope::{encode as store, load, Loaded};
    let mut snapshot = Snapshot::default();
    snapshot.data.contacts.push(Contact {
        id: "1".into(),
        role: Role::Gp,
        name: "Dr B".into(),
        ..Default::default()
    });
    let text = store(&snapshot, "t");
    assert!(matches!(load(Some(&text)), Loaded::Ready { .. }));
    let changed = text.replace(r#""role":"gp""#, r#""role":"astronaut""#);
    assert_ne!(changed, text);
    match load(Some(&changed)) {
        Loaded::Unreadable { reason } => assert!(reason.contains("astronaut"), "{reason}"),
        other => panic!("an unknown role must not load: {other:?}"),
    }
}
