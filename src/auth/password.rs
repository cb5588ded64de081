//! Password hashing: argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane),
//! stored as PHC strings.
//!
//! Hashing is deliberately slow, so it never runs on the async executor: it runs on
//! the blocking pool behind a semaphore sized to the CPU cores, so a storm of sign-ins
//! queues there while pages keep being served. An unknown account is checked against
//! a dummy hash, so that a wrong email costs as much time as a wrong password.
//!
//! Memory. Each hash needs 19 MiB of working blocks. Allocated and freed per sign-in,
//! they fragmented glibc's heap (its mmap threshold rises to the size of the first
//! block freed, so later ones come from arenas it does not give back): 21 MB at rest
//! grew to 2.15 GB after 800 sign-ins. The blocks are now allocated once and reused
//! ([`BLOCKS`]): at most as many sets as hashes run at once (the semaphore's permits,
//! plus the CLI's own), whatever the number of sign-ins. The computation is argon2's
//! own (`hash_password_into_with_memory`) with the same parameters, salt and PHC
//! strings as before, so stored hashes verify unchanged.

use std::sync::{Arc, Mutex, OnceLock};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use subtle::ConstantTimeEq;
use tokio::sync::Semaphore;

use crate::error::AppError;

pub const MEMORY_KIB: u32 = 19 * 1024;
pub const PASSES: u32 = 2;
pub const LANES: u32 = 1;

/// Sets of argon2 working blocks kept for reuse, each at least today's 19 MiB. At
/// most [`KEPT_BLOCK_SETS`] are kept; a set taken while none is free is allocated.
static BLOCKS: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());

/// How many sets of blocks stay allocated at most: one per hashing permit of a
/// server on a machine of this size, and one for the CLI or a test.
pub const KEPT_BLOCK_SETS: usize = 16;

/// Run `work` with at least `count` working blocks, reused from [`BLOCKS`].
fn with_blocks<T>(count: usize, work: impl FnOnce(&mut [Block]) -> T) -> T {
    let taken = {
        let mut free = BLOCKS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        free.iter()
            .position(|set| set.len() >= count)
            .map(|i| free.swap_remove(i))
    };
    let mut blocks = taken.unwrap_or_else(|| {
        metrics::counter!("kenes_argon2_block_sets_allocated_total").increment(1);
        vec![Block::default(); count.max(params_block_count())]
    });
    let result = work(&mut blocks[..count]);
    let mut free = BLOCKS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if free.len() < KEPT_BLOCK_SETS {
        free.push(blocks);
    }
    result
}

/// Sets of blocks allocated and kept for reuse now (for the tests and benchmarks).
pub fn kept_block_sets() -> usize {
    BLOCKS.lock().map(|free| free.len()).unwrap_or_default()
}

fn current_params() -> Result<Params, argon2::Error> {
    Params::new(MEMORY_KIB, PASSES, LANES, None)
}

fn params_block_count() -> usize {
    current_params().map_or(0, |p| p.block_count())
}

/// Hash a password (blocking; for the CLI and the blocking pool).
pub fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    let params = current_params().map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt
        .decode_b64(&mut salt_bytes)
        .map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    let context = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    with_blocks(params.block_count(), |blocks| {
        context.hash_password_into_with_memory(password.as_bytes(), salt_bytes, &mut out, blocks)
    })
    .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: (&params)
            .try_into()
            .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| anyhow::anyhow!("hash output: {e}"))?),
    };
    Ok(hash.to_string())
}

/// Whether `password` gives `parsed`'s hash, computed with the parameters, version
/// and salt written in it (as argon2's own `verify_password` does), in reused blocks.
fn matches(password: &str, parsed: &PasswordHash<'_>) -> bool {
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(parsed.algorithm) else {
        return false;
    };
    let version = match parsed.version.map(Version::try_from).transpose() {
        Ok(version) => version.unwrap_or_default(),
        Err(_) => return false,
    };
    let Ok(params) = Params::try_from(parsed) else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let mut out = vec![0u8; expected.len()];
    let context = Argon2::new(algorithm, version, params.clone());
    let computed = with_blocks(params.block_count(), |blocks| {
        context.hash_password_into_with_memory(password.as_bytes(), salt_bytes, &mut out, blocks)
    });
    computed.is_ok() && bool::from(out.as_slice().ct_eq(expected.as_bytes()))
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
    let ok = matches(password, &parsed);
    let current = current_params().ok();
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
    size: usize,
}

static DUMMY_HASH: OnceLock<String> = OnceLock::new();

impl Passwords {
    pub fn new(concurrency: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            size: concurrency.max(1),
        }
    }

    /// Permits in use, and permits in all (for `/metrics`).
    pub fn permits(&self) -> (usize, usize) {
        (
            self.size.saturating_sub(self.permits.available_permits()),
            self.size,
        )
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
        use argon2::password_hash::PasswordHasher;
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

    #[test]
    fn hashes_match_argon2s_own_and_reuse_their_blocks() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        // Ours verify with argon2's own verifier, and argon2's with ours.
        let ours = hash_blocking("correct horse battery").unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(Argon2::default()
            .verify_password(b"correct horse battery", &parsed)
            .is_ok());
        let theirs = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            current_params().unwrap(),
        )
        .hash_password(b"correct horse battery", &SaltString::generate(&mut OsRng))
        .unwrap()
        .to_string();
        assert!(verify_blocking("correct horse battery", &theirs).ok);
        assert!(!verify_blocking("correct horse batterz", &theirs).ok);
        // Many hashes, a few sets of blocks: as many as ran at once, never one each.
        let threads: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    for _ in 0..5 {
                        let _ = verify_blocking("wrong", &hash_blocking("right").unwrap());
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        assert!(kept_block_sets() <= 4 + 2, "{}", kept_block_sets());
    }
}
