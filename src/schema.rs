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
        moderation_mode -> Text,
        language -> Text,
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
        language -> Text,
        language_chosen -> Bool,
    }
}

diesel::table! {
    /// Each language of a version, in import order, the authoritative one included.
    version_texts (version_id, lang) {
        version_id -> BigInt,
        lang -> Text,
        position -> Integer,
        source_name -> Text,
        title -> Text,
        preamble -> Text,
    }
}

diesel::table! {
    /// A chapter heading in a language other than the version's authoritative one.
    chapter_texts (chapter_id, lang) {
        chapter_id -> BigInt,
        lang -> Text,
        heading -> Text,
        title -> Nullable<Text>,
        notes -> Text,
    }
}

diesel::table! {
    /// An article's label, title and notes in a non-authoritative language.
    article_texts (article_id, lang) {
        article_id -> BigInt,
        lang -> Text,
        label -> Text,
        title -> Nullable<Text>,
        notes -> Text,
    }
}

diesel::table! {
    /// A clause's text in a non-authoritative language; `outdated` when the
    /// authoritative text changed from the previous version and this one did not.
    clause_texts (clause_id, lang) {
        clause_id -> BigInt,
        version_id -> BigInt,
        lang -> Text,
        body -> Text,
        notes -> Text,
        outdated -> Bool,
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
diesel::joinable!(version_texts -> document_versions (version_id));
diesel::joinable!(chapter_texts -> chapters (chapter_id));
diesel::joinable!(article_texts -> articles (article_id));
diesel::joinable!(clause_texts -> clauses (clause_id));

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        display_name -> Text,
        password_hash -> Text,
        region -> Nullable<Text>,
        role -> Text,
        email_confirmed_at -> Nullable<Timestamp>,
        terms_accepted_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
        blocked_at -> Nullable<Timestamp>,
        daily_summary -> Bool,
        summary_sent_on -> Nullable<Text>,
        lang -> Nullable<Text>,
    }
}

diesel::table! {
    sessions (token_hash) {
        token_hash -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    user_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        purpose -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    rate_limits (key) {
        key -> Text,
        window_start -> Timestamp,
        hits -> Integer,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        to_address -> Text,
        subject -> Text,
        text_body -> Text,
        html_body -> Text,
        created_at -> Timestamp,
        next_attempt_at -> Timestamp,
        attempts -> Integer,
        last_error -> Nullable<Text>,
        claimed_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        actor_user_id -> Nullable<BigInt>,
        action -> Text,
        subject -> Text,
        details -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    app_secrets (name) {
        name -> Text,
        value -> Text,
    }
}

diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(user_tokens -> users (user_id));

diesel::table! {
    suggestions (id) {
        id -> BigInt,
        tracking_number -> Text,
        consultation_id -> BigInt,
        clause_id -> BigInt,
        clause_lineage -> Text,
        author_id -> BigInt,
        kind -> Text,
        body -> Text,
        proposed_text -> Nullable<Text>,
        status -> Text,
        visible -> Bool,
        upvotes -> Integer,
        official_response -> Nullable<Text>,
        signature -> Text,
        idempotency_key -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
        reason_code -> Nullable<Text>,
        reason_text -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        duplicate_of -> Nullable<BigInt>,
        duplicate_count -> Integer,
        cluster_id -> Nullable<BigInt>,
        clustered -> Bool,
        text_hash -> Nullable<Text>,
        campaign -> Bool,
        assignee_id -> Nullable<BigInt>,
        claimed_by -> Nullable<BigInt>,
        claimed_until -> Nullable<Timestamp>,
        flag_count -> Integer,
        flagged -> Bool,
        hidden_from -> Nullable<Text>,
        lang -> Text,
    }
}

diesel::table! {
    moderation_log (id) {
        id -> BigInt,
        suggestion_id -> Nullable<BigInt>,
        subject_user_id -> Nullable<BigInt>,
        actor_id -> Nullable<BigInt>,
        action -> Text,
        from_value -> Nullable<Text>,
        to_value -> Nullable<Text>,
        reason -> Nullable<Text>,
        public -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Rows of +n / -n per clause identity; the visible suggestions are SUM(n).
    clause_counts (clause_lineage, n) {
        clause_lineage -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    suggestion_counts (consultation_id, status) {
        consultation_id -> BigInt,
        status -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    tags (id) {
        id -> BigInt,
        consultation_id -> BigInt,
        name -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    suggestion_tags (suggestion_id, tag_id) {
        suggestion_id -> BigInt,
        tag_id -> BigInt,
    }
}

diesel::table! {
    moderation_notes (id) {
        id -> BigInt,
        suggestion_id -> BigInt,
        author_id -> BigInt,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    response_templates (id) {
        id -> BigInt,
        consultation_id -> BigInt,
        title -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    flags (suggestion_id, user_id) {
        suggestion_id -> BigInt,
        user_id -> BigInt,
        reason -> Text,
        created_at -> Timestamp,
        resolved_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    upvotes (suggestion_id, user_id) {
        suggestion_id -> BigInt,
        user_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    suggestion_drafts (token_hash) {
        token_hash -> Text,
        clause_id -> BigInt,
        kind -> Text,
        body -> Text,
        proposed_text -> Text,
        created_at -> Timestamp,
        lang -> Text,
    }
}

diesel::table! {
    /// A near-duplicate cluster (its id is its first member's id), size stored once.
    clusters (id) {
        id -> BigInt,
        clause_lineage -> Text,
        size -> Integer,
    }
}

diesel::joinable!(suggestions -> users (author_id));
diesel::joinable!(suggestion_tags -> tags (tag_id));
diesel::joinable!(suggestion_tags -> suggestions (suggestion_id));
diesel::joinable!(moderation_notes -> suggestions (suggestion_id));
diesel::joinable!(moderation_log -> suggestions (suggestion_id));
diesel::joinable!(suggestions -> clauses (clause_id));
diesel::joinable!(upvotes -> suggestions (suggestion_id));

diesel::allow_tables_to_appear_in_same_query!(
    consultations,
    document_versions,
    chapters,
    articles,
    clauses,
    version_texts,
    chapter_texts,
    article_texts,
    clause_texts,
    users,
    sessions,
    user_tokens,
    rate_limits,
    outbox,
    audit_log,
    app_secrets,
    suggestions,
    upvotes,
    suggestion_drafts,
    moderation_log,
    tags,
    suggestion_tags,
    moderation_notes,
    response_templates,
    flags,
    suggestion_counts,
    clusters,
    clause_counts,
);
