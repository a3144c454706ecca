extension Array where Element == String {
    /// A random text for property tests: between `count.lowerBound` and `count.upperBound` of these pieces, each
    /// drawn at random, joined without separators.
    public func randomText(count: ClosedRange<Int>, using generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: count, using: &generator)).map { _ in randomElement(using: &generator)! }.joined()
    }
}
