//! Password hashing: argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane),
//! stored as PHC strings.
//!
//! Hashing is deliberately slow, so it never runs on the async executor: it runs on
//! the blocking pool behind a semaphore sized to the CPU cores, so a storm of sign-ins
//! queues there while pages keep being served. An unknown account is checked against
//! a dummy hash, so that a wrong email costs as much time as a wrong password.

use std::sync::{Arc, OnceLock};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::error::AppError;

pub const MEMORY_KIB: u32 = 19 * 1024;
pub const PASSES: u32 = 2;
pub const LANES: u32 = 1;

fn argon2() -> Result<Argon2<'static>, argon2::Error> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None)?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hash a password (blocking; for the CLI and the blocking pool).
pub fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    let hash = argon2()
        .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
    Ok(hash.to_string())
}

/// The result of checking a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    pub ok: bool,
    /// The stored hash uses other parameters than today's: store a new one.
    pub needs_rehash: bool,
}

/// Check a password against a stored PHC string (blocking).
pub fn verify_blocking(password: &str, stored: &str) -> Verified {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return Verified {
            ok: false,
            needs_rehash: false,
        };
    };
    let ok = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    let current = Params::new(MEMORY_KIB, PASSES, LANES, None).ok();
    let stored_params = Params::try_from(&parsed).ok();
    let same_params = match (current, stored_params) {
        (Some(c), Some(s)) => {
            c.m_cost() == s.m_cost() && c.t_cost() == s.t_cost() && c.p_cost() == s.p_cost()
        }
        _ => false,
    };
    let needs_rehash = ok && (parsed.algorithm.as_str() != "argon2id" || !same_params);
    Verified { ok, needs_rehash }
}

/// The password service held by the application.
#[derive(Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
}

static DUMMY_HASH: OnceLock<String> = OnceLock::new();

impl Passwords {
    pub fn new(concurrency: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let _permit =
            self.permits.acquire().await.map_err(|e| {
                AppError::internal(anyhow::anyhow!("password semaphore closed: {e}"))
            })?;
        Ok(actix_web::web::block(work).await?)
    }

    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        self.run(move || hash_blocking(&password))
            .await?
            .map_err(AppError::Internal)
    }

    /// Verify against `stored`, or against a dummy hash when there is no account, so
    /// that both cases take the same time and answer "no".
    pub async fn verify(
        &self,
        password: String,
        stored: Option<String>,
    ) -> Result<Verified, AppError> {
        self.run(move || match stored {
            Some(hash) if !hash.is_empty() => verify_blocking(&password, &hash),
            _ => {
                let dummy = DUMMY_HASH
                    .get_or_init(|| hash_blocking("not a real password").unwrap_or_default());
                let _ = verify_blocking(&password, dummy);
                Verified {
                    ok: false,
                    needs_rehash: false,
                }
            }
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_old_parameters_are_flagged() {
        let hash = hash_blocking("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert_eq!(
            verify_blocking("correct horse battery", &hash),
            Verified {
                ok: true,
                needs_rehash: false
            }
        );
        assert!(!verify_blocking("wrong horse battery", &hash).ok);
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 1, 1, None).unwrap(),
        )
        .hash_password(b"correct horse battery", &SaltString::generate(&mut OsRng))
        .unwrap()
        .to_string();
        assert_eq!(
            verify_blocking("correct horse battery", &weak),
            Verified {
                ok: true,
                needs_rehash: true
            }
        );
        assert!(!verify_blocking("x", "not a hash").ok);
    }
}
