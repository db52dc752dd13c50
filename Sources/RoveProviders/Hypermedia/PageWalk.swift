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
///
/// A total is only the server's claim (DESIGN §9), so the walk ends where the pages run dry
/// instead: at an empty page, at a batch or linked page with nothing new in it, or at a
/// next-page link that goes round in a loop. It then says what was claimed and what came, and
/// it has asked for at most one batch of pages past the last one with items.
final class PageWalk: HostIterator {
    private let link: Link
    private let limit: Int?
    private let pageSize: Int
    private let firstPageSize: Int
    private var buffer: [Value] = []
    private var position = 0
    private var yielded = 0
    private var started = false
    private var plan = PagePlan.done
    /// The next-page links followed so far, when the walk has to follow links.
    private var followed: FollowedLinks?
    /// Where the walk began, and how many new items its pages have brought.
    private var startOffset = 0
    private var delivered = 0
    private var firstTotal: Int?
    private var lastTotal: Int?
    /// Identities of the previous batch and of the one being read.
    private var previousBatch: Set<String> = []
    private var currentBatch: Set<String> = []
    /// The items of the page read last, to notice it served again when items have no identity.
    private var lastPage: [Value] = []
    private var repeated = 0
    private var shortfall: Shortfall?

    /// Why a walk stopped before its plan did.
    private enum Shortfall {
        /// A page came back empty, or a batch or linked page brought nothing new, while more
        /// was promised.
        case ranDry
        /// The next-page links led back to a page already read.
        case looped
    }

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
            if started, plan.isDone {
                report()
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
        guard started else {
            started = true
            try fetchFirstPage()
            return
        }
        switch plan {
        case .offsets(let offsets):
            try fetchPlannedBatch(offsets)
        case .link(let address):
            let page = try read(try link.connection.document(at: address))
            let brought = accept(page)
            endBatch()
            planFollowing(page, brought: brought)
        case .done:
            break
        }
    }

    private func fetchFirstPage() throws {
        let offset = link.requestedPaging.offset
        startOffset = offset
        let address = try link.pageAddress(offset: offset, size: firstPageSize)
        let page = try read(try link.connection.document(at: address))
        let brought = accept(page)
        endBatch()
        guard let total = page.total else {
            followed = FollowedLinks(start: address)
            planFollowing(page, brought: brought)
            return
        }
        firstTotal = total
        let end = min(total, limit.map { offset.clampedAdding($0) } ?? total)
        // The next page starts where this one ended. A server that pages smaller or larger than
        // asked sets the step by what it delivered: its stated page size is a claim, its items
        // are not.
        let served = page.items.count
        let start = offset.clampedAdding(served)
        guard start < end else { return }
        guard served > 0 else {
            shortfall = .ranDry
            return
        }
        let step = served == firstPageSize ? pageSize : served
        // Asking for the size the server keeps to lets APIs that page by number
        // (`page=3&per_page=50`) land on the same offsets.
        plan = .offsets(PlannedOffsets(from: start, to: end, step: step, size: step))
    }

    private func fetchPlannedBatch(_ planned: PlannedOffsets) throws {
        var offsets = planned
        let batch = offsets.take(try link.connection.client().perHostLimit)
        let addresses = try batch.map { try link.pageAddress(offset: $0, size: offsets.size) }
        var brought = 0
        var empty = false
        for document in try link.connection.documents(at: addresses) {
            let page = try read(document)
            empty = empty || page.items.isEmpty
            brought += accept(page)
        }
        endBatch()
        // An empty page means the collection ends there, whatever its total says; a batch of
        // pages with nothing new (a server answering every offset alike) means the same.
        if empty || brought == 0 {
            shortfall = .ranDry
            plan = .done
        } else {
            plan = offsets.isEmpty ? .done : .offsets(offsets)
        }
    }

    /// Plans the page a linked page points to, unless it brought nothing new or points back.
    private func planFollowing(_ page: Page, brought: Int) {
        plan = .done
        guard let next = page.next else { return }
        if brought == 0 {
            shortfall = .ranDry
        } else if followed?.loops(at: next) ?? false {
            shortfall = .looped
        } else {
            plan = .link(next)
        }
    }

    private func read(_ document: Value) throws -> Page {
        guard let page = link.dialect.page(of: document) else { throw notAPage() }
        return page
    }

    /// Buffers a page's items that were not seen before, and notes its total; returns how many.
    private func accept(_ page: Page) -> Int {
        if let total = page.total { lastTotal = total }
        if !page.items.isEmpty, page.items == lastPage {
            repeated += page.items.count
            return 0
        }
        lastPage = page.items
        var brought = 0
        for item in page.items {
            if case .object(let fields) = item, let identity = link.dialect.identity(of: fields) {
                guard !previousBatch.contains(identity), currentBatch.insert(identity).inserted else {
                    repeated += 1
                    continue
                }
            }
            buffer.append(item)
            brought += 1
        }
        delivered += brought
        return brought
    }

    private func endBatch() {
        previousBatch = currentBatch
        currentBatch.removeAll(keepingCapacity: true)
    }

    // MARK: Warnings

    /// Says on stderr, once, when the list was cut short, repeated or read while it changed.
    private func report() {
        if let message = warning() { link.connection.interpreter.host.standardError(message) }
        repeated = 0
        firstTotal = lastTotal
        shortfall = nil
    }

    private func warning() -> String? {
        let rel = link.rel
        let dropped = repeated > 0 ? "; \(repeated) repeated item\(repeated == 1 ? " was" : "s were") dropped" : ""
        var changed = false
        if let firstTotal, let lastTotal { changed = firstTotal != lastTotal }
        switch shortfall {
        case .ranDry? where !changed:
            guard let firstTotal else {
                return "warning: \(rel): a next-page link led to nothing new\(dropped); the walk stopped after \(delivered) items\n"
            }
            let claimed = max(0, firstTotal.clampedSubtracting(startOffset))
            return "warning: \(rel): the server claimed \(claimed) items but delivered \(delivered)\(dropped); the walk stopped where its pages ran dry\n"
        case .looped?:
            return "warning: \(rel): the next-page links went round in a loop\(dropped); the walk stopped after \(delivered) items, which may include some twice\n"
        case .ranDry?, nil:
            guard changed || repeated > 0 else { return nil }
            var message = "warning: \(rel) changed while it was read"
            if let firstTotal, let lastTotal, changed {
                message += " (\(firstTotal) items when the walk began, \(lastTotal) at its end)"
            }
            return message + dropped + "; items may have moved between pages, so read it again for a consistent list\n"
        }
    }

    private func notAPage() -> Diagnostic {
        Diagnostic(.value, "\(link.connection.name): a page of \(link.rel) came back without its items")
    }
}
