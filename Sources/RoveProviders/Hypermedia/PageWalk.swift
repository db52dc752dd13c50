// Walks every item of a collection: planned pages fetched in parallel, yielded in order, in constant memory.

import RoveCore

/// The iterator behind `for x in collection`, `all`, `take(n)` and `find`.
///
/// Paging is planned, not just followed (DESIGN §3): the first page's total says which pages
/// remain, and they are fetched a batch at a time, as many at once as the host allows, then
/// yielded in order. Only one batch is held at a time, so memory stays flat however long the
/// collection. Without a total, the walk falls back to following the next-page link.
///
/// The first page is small, so the first item comes soon; the rest are planned at the larger
/// walk size. Items are de-duplicated by identity against the previous and the current batch:
/// an item shifts by at most a page when others are added or removed mid-walk, and remembering
/// every identity would make memory grow with the collection. When the total moved during the
/// walk (so some items may have shifted between pages), the walk says so on stderr at the end:
/// never a silently short or repeated list.
final class PageWalk: HostIterator {
    private let link: Link
    private let limit: Int?
    private let pageSize: Int
    private let firstPageSize: Int
    private var buffer: [Value] = []
    private var position = 0
    private var yielded = 0
    private var started = false
    private var finished = false
    /// Offsets of the pages still to fetch, when the total is known, and the size each asks for.
    private var plannedOffsets: [Int] = []
    private var plannedSize = 0
    /// The next-page link, when the walk has to follow links instead.
    private var nextLink: String?
    private var firstTotal: Int?
    private var lastTotal: Int?
    /// Identities of the previous batch and of the one being read.
    private var previousBatch: Set<String> = []
    private var currentBatch: Set<String> = []
    private var repeated = 0

    /// - Parameter limit: stop after this many items (`take(n)`, `first`); nil for all.
    init(_ link: Link, limit: Int? = nil) {
        self.link = link
        self.limit = limit
        let given = link.requestedPaging.size
        let requested = given ?? link.dialect.walkPageSize
        self.pageSize = max(1, min(requested, limit ?? requested))
        self.firstPageSize = given == nil ? min(pageSize, link.dialect.firstPageSize) : pageSize
    }

    func next() throws -> Value? {
        if let limit, yielded >= limit { return nil }
        while position >= buffer.count {
            if finished {
                reportDrift()
                return nil
            }
            try fetch()
        }
        let item = buffer[position]
        position += 1
        yielded += 1
        return link.wrap(item, fromList: true)
    }

    private func fetch() throws {
        buffer.removeAll(keepingCapacity: true)
        position = 0
        if !started {
            started = true
            try fetchFirstPage()
        } else if !plannedOffsets.isEmpty {
            try fetchPlannedBatch()
        } else if let next = nextLink {
            nextLink = nil
            let document = try link.connection.document(at: next)
            guard let page = link.dialect.page(of: document) else { throw notAPage() }
            accept(page)
            endBatch()
            nextLink = page.next
            finished = nextLink == nil
        } else {
            finished = true
        }
    }

    private func fetchFirstPage() throws {
        let offset = link.requestedPaging.offset
        let document = try link.connection.document(at: try link.pageAddress(offset: offset, size: firstPageSize))
        guard let page = link.dialect.page(of: document) else { throw notAPage() }
        accept(page)
        endBatch()
        if let total = page.total {
            firstTotal = total
            // A server that pages smaller than asked (it says so in the page size) sets the step.
            let capped = page.size > 0 && page.size < firstPageSize
            let first = capped ? page.size : firstPageSize
            let step = capped ? page.size : pageSize
            let end = min(total, limit.map { offset + $0 } ?? total)
            if offset + first < end {
                plannedOffsets = Array(stride(from: offset + first, to: end, by: step))
                // Asking for the size the server keeps to lets APIs that page by number
                // (`page=3&per_page=50`) land on the same offsets.
                plannedSize = step
            }
            finished = plannedOffsets.isEmpty
        } else {
            nextLink = page.next
            finished = nextLink == nil
        }
    }

    private func fetchPlannedBatch() throws {
        let batch = Array(plannedOffsets.prefix(try link.connection.client().perHostLimit))
        plannedOffsets.removeFirst(batch.count)
        let addresses = try batch.map { try link.pageAddress(offset: $0, size: plannedSize) }
        for document in try link.connection.documents(at: addresses) {
            guard let page = link.dialect.page(of: document) else { throw notAPage() }
            accept(page)
        }
        endBatch()
        finished = plannedOffsets.isEmpty
    }

    /// Buffers a page's items that were not seen before, and notes its total.
    private func accept(_ page: Page) {
        if let total = page.total { lastTotal = total }
        for item in page.items {
            if case .object(let fields) = item, let identity = link.dialect.identity(of: fields) {
                guard !previousBatch.contains(identity), currentBatch.insert(identity).inserted else {
                    repeated += 1
                    continue
                }
            }
            buffer.append(item)
        }
    }

    private func endBatch() {
        previousBatch = currentBatch
        currentBatch.removeAll(keepingCapacity: true)
    }

    private var drifted: Bool {
        guard let firstTotal, let lastTotal else { return repeated > 0 }
        return firstTotal != lastTotal || repeated > 0
    }

    private func reportDrift() {
        guard drifted else { return }
        var message = "warning: \(link.rel) changed while it was read"
        if let firstTotal, let lastTotal, firstTotal != lastTotal {
            message += " (\(firstTotal) items when the walk began, \(lastTotal) at its end)"
        }
        if repeated > 0 { message += "; \(repeated) repeated item\(repeated == 1 ? " was" : "s were") dropped" }
        message += "; items may have moved between pages, so read it again for a consistent list\n"
        link.connection.interpreter.host.standardError(message)
        repeated = 0
        firstTotal = lastTotal
    }

    private func notAPage() -> Diagnostic {
        Diagnostic(.value, "\(link.connection.name): a page of \(link.rel) came back without its items")
    }
}
