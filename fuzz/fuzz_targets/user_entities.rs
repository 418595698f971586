//! The user-entity file reader, in every format: entries or an error, never a panic; entries
//! it accepts build an extractor.
#![no_main]

use dateline::{EntitiesFormat, Extractor, UserEntity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let format = match choice % 3 {
        0 => EntitiesFormat::Json,
        1 => EntitiesFormat::Csv,
        _ => EntitiesFormat::Tsv,
    };
    match UserEntity::parse(text, format, "fuzz") {
        Ok(entities) if entities.len() <= 8 => {
            let extractor = Extractor::builder().entities(entities).stages(&["entities"]).build();
            assert!(extractor.is_ok(), "accepted entries build: {:?}", extractor.err());
        }
        Ok(_) => {}
        Err(error) => assert!(error.to_string().contains("fuzz")),
    }
});
