// What remains of a walk: offsets planned from a total, a next-page link to follow, or nothing.

/// The pages a `PageWalk` has still to fetch.
enum PagePlan {
    /// Pages at offsets worked out from the first page's total.
    case offsets(PlannedOffsets)
    /// The page at a next-page link, for APIs that give no total.
    case link(String)
    case done

    var isDone: Bool {
        switch self {
        case .offsets, .link: return false
        case .done: return true
        }
    }
}

/// The offsets `next`, `next + step`, … below `end`, produced as they are needed.
///
/// `end` is the server's total, which is only a claim (DESIGN §9): a server may say 10¹² or
/// `Int.max`, so nothing here grows with it. Offsets are made a batch at a time, and the sum
/// that moves to the next one saturates rather than overflows.
struct PlannedOffsets {
    private(set) var next: Int
    let step: Int
    let end: Int
    /// The page size each request asks for.
    let size: Int

    /// - Parameter step: at least 1; a step of 0 would ask for the same page forever.
    init(from start: Int, to end: Int, step: Int, size: Int) {
        self.next = start
        self.end = end
        self.step = Swift.max(1, step)
        self.size = Swift.max(1, size)
    }

    var isEmpty: Bool { next >= end }

    /// The next `count` offsets at most, which are then no longer planned.
    mutating func take(_ count: Int) -> [Int] {
        var offsets: [Int] = []
        while offsets.count < count, next < end {
            offsets.append(next)
            next = next.clampedAdding(step)
        }
        return offsets
    }
}

/// The next-page links a walk has followed, watched for a loop in constant memory.
///
/// A link back to the walk's first page is caught at once (the commonest loop: a last page
/// pointing at the first). Any other loop is found by Brent's method: one remembered link,
/// moved forward at doubling distances, which a looping walk meets again within three times
/// the pages before the loop and in it. Remembering every link would also find loops,
/// but it grows with the collection, and walks keep memory flat.
struct FollowedLinks {
    private let start: String
    private var remembered: String?
    private var distance = 0
    private var span = 1

    /// - Parameter start: the address of the walk's first page.
    init(start: String) {
        self.start = start
    }

    /// Notes that the walk is about to follow `link`; true when that would go round a loop.
    mutating func loops(at link: String) -> Bool {
        if link == start || link == remembered { return true }
        distance += 1
        if distance >= span {
            remembered = link
            distance = 0
            span = span.clampedMultiplied(by: 2)
        }
        return false
    }
}
