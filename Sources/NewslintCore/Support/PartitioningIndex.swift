extension RandomAccessCollection {
    /// The first index whose element is in the second part, by binary search: the collection must hold every
    /// element for which `isInSecondPart` is false before every one for which it is true (for a sorted array
    /// and `{ $0 >= value }`, where `value` is or would be). `endIndex` when there is none.
    func partitioningIndex(where isInSecondPart: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isInSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
