//! The diesel schema, shared by both backends (migrations/sqlite and migrations/postgres
//! create the same tables). Written by hand to keep ids `BigInt` on both.

diesel::table! {
    consultations (id) {
        id -> BigInt,
        slug -> Text,
        title -> Text,
        summary -> Text,
        status -> Text,
        opens_at -> Nullable<Timestamp>,
        closes_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    document_versions (id) {
        id -> BigInt,
        consultation_id -> BigInt,
        number -> Integer,
        title -> Text,
        preamble -> Text,
        changelog -> Text,
        source_name -> Text,
        created_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    chapters (id) {
        id -> BigInt,
        version_id -> BigInt,
        position -> Integer,
        heading -> Text,
        title -> Nullable<Text>,
        notes -> Text,
    }
}

diesel::table! {
    articles (id) {
        id -> BigInt,
        version_id -> BigInt,
        chapter_id -> Nullable<BigInt>,
        position -> Integer,
        number -> Text,
        label -> Text,
        title -> Nullable<Text>,
        notes -> Text,
    }
}

diesel::table! {
    clauses (id) {
        id -> BigInt,
        version_id -> BigInt,
        article_id -> BigInt,
        position -> Integer,
        number -> Text,
        reference -> Text,
        body -> Text,
        notes -> Text,
        lineage -> Text,
    }
}

diesel::joinable!(document_versions -> consultations (consultation_id));
diesel::joinable!(chapters -> document_versions (version_id));
diesel::joinable!(articles -> document_versions (version_id));
diesel::joinable!(articles -> chapters (chapter_id));
diesel::joinable!(clauses -> articles (article_id));

diesel::allow_tables_to_appear_in_same_query!(
    consultations,
    document_versions,
    chapters,
    articles,
    clauses,
);
