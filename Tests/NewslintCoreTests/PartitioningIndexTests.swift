import Testing
@testable import NewslintCore

/// The binary search equals a linear search for the first element of the second part.
@Suite struct PartitioningIndexTests {
    @Test func matchesALinearSearch() {
        var generator = SystemRandomNumberGenerator()
        for count in 0..<40 {
            let values = (0..<count).map { _ in Int.random(in: 0...20, using: &generator) }.sorted()
            for value in -1...21 {
                #expect(values.partitioningIndex { $0 >= value } == (values.firstIndex { $0 >= value } ?? values.count))
                let slice = values.dropFirst(count / 3)
                #expect(slice.partitioningIndex { $0 >= value } == (slice.firstIndex { $0 >= value } ?? slice.endIndex))
            }
        }
    }
}
