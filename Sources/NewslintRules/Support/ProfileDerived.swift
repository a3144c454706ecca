import Foundation
import NewslintCore

/// Values the rules compute from a site profile's data (lowered hosts, a prefilter made from a pattern list), made
/// once per profile and then shared by every post and thread: a profile's data does not change, and making them
/// for every check cost more than using them.
enum ProfileDerived {
    /// The value for `key` of `profile`, made with `make` on first use. The cache holds the profile, so the
    /// identity it is found by cannot pass to another profile while the entry lives.
    static func value<Value>(_ key: String, of profile: SiteProfile, _ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let known = entries.first(where: { $0.profile === profile && $0.key == key })?.value as? Box<Value> {
            return known.value
        }
        let value = make()
        // A run reads a few profiles; a long-lived process that makes many keeps the latest.
        if entries.count == 64 { entries.removeFirst() }
        entries.append((profile, key, Box(value)))
        return value
    }

    /// Boxed, so that reading a value back is a class check rather than a cast of `Any` to the value's type.
    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var entries: [(profile: SiteProfile, key: String, value: AnyObject)] = []
}
