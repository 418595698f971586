//! Entities a user adds at run time, and the files they come in.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::article::Label;
use crate::error::{Error, ErrorKind, Result};

/// An entity of the user's own: found wherever its name or an alias is written, in preference
/// to built-in entries of the same name.
///
/// ```
/// use dateline::{Extractor, Label, UserEntity};
///
/// let extractor = Extractor::builder()
///     .entities(vec![UserEntity::new("Acme Widgets", Label::Org).alias("Acme").kb("Q42")])
///     .build()?;
/// let article = extractor.extract("Acme said profits rose.", &Default::default());
/// assert_eq!(article.entities[0].name, "Acme Widgets");
/// # Ok::<(), dateline::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserEntity {
    /// The canonical name, reported as the entity's name.
    pub name: String,
    pub label: Label,
    /// Other names of the same thing.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The user's own identifier, reported as `kb: {"source": "user", "id": …}`.
    #[serde(default)]
    pub kb: Option<String>,
}

impl UserEntity {
    pub fn new(name: impl Into<String>, label: Label) -> UserEntity {
        UserEntity {
            name: name.into(),
            label,
            aliases: Vec::new(),
            kb: None,
        }
    }

    /// Adds another name of the entity.
    pub fn alias(mut self, alias: impl Into<String>) -> UserEntity {
        self.aliases.push(alias.into());
        self
    }

    /// Sets the user's identifier.
    pub fn kb(mut self, id: impl Into<String>) -> UserEntity {
        self.kb = Some(id.into());
        self
    }

    /// Checks that the entry can be matched: a name with a letter or digit, no empty alias.
    pub(crate) fn validate(&self, place: &str) -> Result<()> {
        let usable = |s: &str| s.chars().any(char::is_alphanumeric);
        if !usable(&self.name) {
            return Err(invalid(place, "the name is empty"));
        }
        if self.aliases.iter().any(|a| !usable(a)) {
            return Err(invalid(place, "an alias is empty"));
        }
        Ok(())
    }
}

/// The formats of a file of user entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntitiesFormat {
    /// A JSON array of `{"name", "label", "aliases", "kb"}` objects.
    Json,
    /// Comma-separated, with a header line naming the columns; fields may be quoted with `"`.
    Csv,
    /// Tab-separated, with a header line naming the columns.
    Tsv,
}

/// Reads a file of user entities: a JSON array of objects, or CSV / TSV with the columns
/// `name`, `label`, `aliases` (separated by `|`) and `kb`, and a header line.
pub(crate) fn read_file(path: &Path) -> Result<Vec<UserEntity>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    let format = if text.trim_start().starts_with('[') {
        EntitiesFormat::Json
    } else if path.extension().is_some_and(|e| e == "csv") {
        EntitiesFormat::Csv
    } else {
        EntitiesFormat::Tsv
    };
    UserEntity::parse(&text, format, &path.display().to_string())
}

impl UserEntity {
    /// Reads user entities from the contents of a file in `format`. `source` names the file
    /// in errors, which also give the line (or entry) of a malformed entry.
    pub fn parse(text: &str, format: EntitiesFormat, source: &str) -> Result<Vec<UserEntity>> {
        match format {
            EntitiesFormat::Json => read_json(text, source),
            EntitiesFormat::Csv => read_table(text, ',', source),
            EntitiesFormat::Tsv => read_table(text, '\t', source),
        }
    }
}

fn read_json(text: &str, shown: &str) -> Result<Vec<UserEntity>> {
    let entities: Vec<UserEntity> = serde_json::from_str(text).map_err(|e| {
        Error::new(
            ErrorKind::InvalidEntry,
            format!("{shown}, line {}: {e}", e.line()),
        )
    })?;
    for (n, entity) in entities.iter().enumerate() {
        entity.validate(&format!("{shown}, entry {}", n + 1))?;
    }
    Ok(entities)
}

/// CSV or TSV with a header naming the columns; fields may be quoted with `"` in CSV.
fn read_table(text: &str, separator: char, shown: &str) -> Result<Vec<UserEntity>> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((header_at, header)) = lines.next() else {
        return Ok(Vec::new());
    };
    let columns: Vec<String> = split_fields(header, separator)
        .iter()
        .map(|c| c.trim().to_ascii_lowercase())
        .collect();
    let column = |name: &str| columns.iter().position(|c| c == name);
    let (Some(name_at), Some(label_at)) = (column("name"), column("label")) else {
        return Err(invalid(
            &format!("{shown}, line {}", header_at + 1),
            "the header must name the columns name and label (and optionally aliases, kb)",
        ));
    };
    let (aliases_at, kb_at) = (column("aliases"), column("kb"));
    let mut entities = Vec::new();
    for (n, line) in lines {
        let place = format!("{shown}, line {}", n + 1);
        let fields = split_fields(line, separator);
        let field = |i: Option<usize>| {
            i.and_then(|i| fields.get(i))
                .map(|f| f.trim())
                .unwrap_or("")
        };
        let label = parse_label(field(Some(label_at))).ok_or_else(|| {
            invalid(
                &place,
                &format!(
                    "unknown label {:?}; use PERSON, ORG, GPE, LOC, NORP or FAC",
                    field(Some(label_at))
                ),
            )
        })?;
        let entity = UserEntity {
            name: field(Some(name_at)).to_string(),
            label,
            aliases: field(aliases_at)
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
            kb: Some(field(kb_at))
                .filter(|k| !k.is_empty())
                .map(String::from),
        };
        entity.validate(&place)?;
        entities.push(entity);
    }
    Ok(entities)
}

fn split_fields(line: &str, separator: char) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if separator == ',' && quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if separator == ',' => quoted = !quoted,
            c if c == separator && !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    fields.push(field);
    fields
}

fn parse_label(label: &str) -> Option<Label> {
    Some(match label.to_ascii_uppercase().as_str() {
        "PERSON" | "PER" => Label::Person,
        "ORG" => Label::Org,
        "GPE" => Label::Gpe,
        "LOC" => Label::Loc,
        "NORP" => Label::Norp,
        "FAC" => Label::Fac,
        _ => return None,
    })
}

fn invalid(place: &str, why: &str) -> Error {
    Error::new(ErrorKind::InvalidEntry, format!("{place}: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_quotes_and_bad_label() {
        let good = "name,label,aliases,kb\n\"Acme, Inc.\",ORG,Acme|ACME,Q1\n";
        let entities = read_table(good, ',', "x.csv").unwrap();
        assert_eq!(entities[0].name, "Acme, Inc.");
        assert_eq!(entities[0].aliases, ["Acme", "ACME"]);
        assert_eq!(entities[0].kb.as_deref(), Some("Q1"));
        let bad = "name\tlabel\nAcme\tCOMPANY\n";
        let err = read_table(bad, '\t', "x.tsv").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidEntry);
        assert!(err.message().contains("line 2"), "{err}");
    }
}
