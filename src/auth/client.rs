//! Who the client is, for throttling: the connection's peer, or (behind proxies we
//! run) the address our proxies report.
//!
//! `X-Forwarded-For` lists the addresses a request passed, each proxy appending the one
//! it received the request from. Only the right-hand end was written by our proxies;
//! anything to its left came from the client and may be invented. So the list is read
//! from the right, skipping the addresses of our own proxies (`KENES_TRUSTED_PROXIES`),
//! and the first other address is the client. The left-most value is never trusted.

use std::net::IpAddr;

use ipnet::IpNet;

/// How to find the client's address.
#[derive(Debug, Clone)]
pub struct ClientAddress {
    /// `KENES_TRUST_PROXY`: read `X-Forwarded-For` at all.
    pub trust_proxy: bool,
    /// `KENES_TRUSTED_PROXIES`: the networks our proxies are in.
    pub trusted: Vec<IpNet>,
}

/// The default trusted proxies: this host.
pub const DEFAULT_TRUSTED: &str = "127.0.0.0/8,::1/128";

/// An item of a list of networks that is neither an address nor a CIDR network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotANetwork(pub String);

impl std::fmt::Display for NotANetwork {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` is not an address or a CIDR network", self.0)
    }
}

/// A comma-separated list of CIDR networks (a bare address is one host).
pub fn parse_networks(text: &str) -> Result<Vec<IpNet>, NotANetwork> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| {
            item.parse::<IpNet>()
                .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| NotANetwork(item.to_owned()))
        })
        .collect()
}

/// One entry of `X-Forwarded-For`: an address, perhaps with a port (`1.2.3.4:5`,
/// `[::1]:5`).
fn parse_entry(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    entry
        .parse()
        .ok()
        .or_else(|| entry.parse::<std::net::SocketAddr>().ok().map(|s| s.ip()))
}

impl ClientAddress {
    fn is_trusted(&self, ip: IpAddr) -> bool {
        self.trusted.iter().any(|net| net.contains(&ip))
    }

    /// The client of a request from `peer` with these `X-Forwarded-For` header values
    /// (in the order they came).
    pub fn client(&self, peer: Option<IpAddr>, forwarded_for: &[&str]) -> Option<IpAddr> {
        let peer = peer?;
        if !self.trust_proxy || !self.is_trusted(peer) {
            return Some(peer);
        }
        let mut client = peer;
        for entry in forwarded_for.iter().rev().flat_map(|h| h.rsplit(',')) {
            match parse_entry(entry) {
                Some(ip) if self.is_trusted(ip) => client = ip,
                Some(ip) => return Some(ip),
                // Garbage where an address should be: the last proxy we trust is the
                // best we know, rather than anything the client wrote.
                None => return Some(client),
            }
        }
        Some(client)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(list: &str) -> ClientAddress {
        ClientAddress {
            trust_proxy: true,
            trusted: parse_networks(list).unwrap(),
        }
    }

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    #[test]
    fn the_right_most_untrusted_address_is_the_client() {
        let p = proxies("127.0.0.1, 10.0.0.0/8");
        let peer = ip("127.0.0.1");
        // The client claims to be 1.1.1.1; our proxy appended the real address.
        assert_eq!(p.client(peer, &["1.1.1.1, 203.0.113.7"]), ip("203.0.113.7"));
        // Through two of our proxies.
        assert_eq!(
            p.client(peer, &["1.1.1.1, 203.0.113.7, 10.1.2.3"]),
            ip("203.0.113.7")
        );
        // Several header lines count as one list, in order.
        assert_eq!(
            p.client(peer, &["1.1.1.1", "203.0.113.7:4431"]),
            ip("203.0.113.7")
        );
        assert_eq!(p.client(peer, &["[2001:db8::1]:80"]), ip("2001:db8::1"));
        // Nothing forwarded: the proxy itself.
        assert_eq!(p.client(peer, &[]), peer);
        // Garbage to the right stops at the proxy we trust.
        assert_eq!(p.client(peer, &["1.1.1.1, nonsense"]), peer);
    }

    #[test]
    fn forwarded_addresses_from_strangers_or_with_trust_off_are_ignored() {
        let p = proxies(DEFAULT_TRUSTED);
        assert_eq!(
            p.client(ip("198.51.100.9"), &["203.0.113.7"]),
            ip("198.51.100.9")
        );
        let off = ClientAddress {
            trust_proxy: false,
            ..p
        };
        assert_eq!(
            off.client(ip("127.0.0.1"), &["203.0.113.7"]),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn networks_parse_or_say_what_is_wrong() {
        assert_eq!(
            parse_networks("127.0.0.1, ::1/128, 10.0.0.0/8")
                .unwrap()
                .len(),
            3
        );
        assert!(parse_networks("").unwrap().is_empty());
        let refused = parse_networks("10.0.0.0/8, 10.0.0.0/33").unwrap_err();
        assert_eq!(refused, NotANetwork("10.0.0.0/33".into()));
        assert!(refused.to_string().contains("10.0.0.0/33"));
    }
}
