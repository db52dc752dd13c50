// The members and methods of a collection: count, first, items, next, prev, page, take, all, get, find, each, create.

import RoveCore
import RoveHTTP

/// What a collection link answers (DESIGN §3). Members that are not here (`where`, `map`,
/// `sortBy`, …) fall through to the list methods over the collection's items.
struct CollectionMembers {
    let link: Link

    init(_ link: Link) { self.link = link }

    /// Dispatch, completion and help read this table.
    static let table = HostMembers<CollectionMembers>([
        .property("count", doc: "count — how many items, from the first page's total (one small request)",
                  read: { members, _ in try members.count() },
                  call: { members, arguments in try members.count(matching: arguments) }),
        .property("first", doc: "first — the first item, or nil; first { pred } the first that matches",
                  read: { members, _ in try PageWalk(members.link, limit: 1).next() ?? .null },
                  // `first { pred }` is `find { pred }`, as on lists; plain `first` is the member.
                  call: { members, arguments in arguments.count > 0 ? try members.find(arguments) : nil }),
        .property("items", doc: "items — the items of this page") { members, _ in
            .list(try members.link.currentPage().items.map { members.link.wrap($0, fromList: true) })
        },
        .property("next", doc: "next — the next page, or nil on the last") { members, _ in try members.nextPage() },
        .property("prev", doc: "prev — the previous page, or nil on the first") { members, _ in members.previousPage() },
        .property("all", doc: "all — a list of every item, every page read") { members, _ in
            .list(try members.collect(PageWalk(members.link)))
        },
        .method("page", doc: "page(n) — page n, counting from 1") { members, arguments in try members.page(arguments) },
        .method("take", doc: "take(n) — a list of the first n items, reading only the pages they are on") { members, arguments in
            try arguments.expect(1)
            return .list(try members.collect(PageWalk(members.link, limit: try arguments.nonNegativeInt(0))))
        },
        .method("get", doc: "get(id) — the item with this id") { members, arguments in try members.get(arguments) },
        .method("find", doc: "find(name: n) — the item named n (exactly, any case); find { pred } the first match") {
            members, arguments in try members.find(arguments)
        },
        .method("each", doc: "each { item in … } — runs the closure for every item, page by page") { members, arguments in
            try arguments.expect(1)
            let body = try arguments.function(0)
            let walk = PageWalk(members.link)
            while let item = try walk.next() { _ = try arguments.call(body, item) }
            return .null
        },
        .method("create", doc: "create(body) — POSTs a new item and returns it") { members, arguments in try members.create(arguments) },
    ])

    // MARK: Members

    private func count() throws -> Value {
        // One small page carries the total; an API without totals is counted by walking it.
        let page = try firstPage(size: 1)
        if let total = page.total { return .int(max(0, total.clampedSubtracting(link.requestedPaging.offset))) }
        var count = 0
        let walk = PageWalk(link)
        while try walk.next() != nil { count += 1 }
        return .int(count)
    }

    /// `count { pred }` counts matching items over every page; plain `count` is the member.
    private func count(matching arguments: Arguments) throws -> Value? {
        guard arguments.count > 0 else { return nil }
        try arguments.expect(1)
        let predicate = try arguments.function(0)
        var matching = 0
        let walk = PageWalk(link)
        while let item = try walk.next() {
            if try arguments.call(predicate, item).isTruthy { matching += 1 }
        }
        return .int(matching)
    }

    private func nextPage() throws -> Value {
        let page = try link.currentPage()
        let size = link.requestedPaging.size ?? pageSize(of: page)
        let offset = link.requestedPaging.offset
        // The next-page link can go missing on real servers (Issues#8128); the total cannot lie.
        let next = offset.clampedAdding(size)
        let hasMore = page.next != nil || page.total.map { next < $0 } ?? false
        return hasMore ? .host(link.page(offset: next, size: size)) : .null
    }

    private func previousPage() -> Value {
        let offset = link.requestedPaging.offset
        guard offset > 0 else { return .null }
        let size = link.requestedPaging.size ?? link.dialect.defaultPageSize
        return .host(link.page(offset: max(0, offset.clampedSubtracting(size)), size: size))
    }

    private func page(_ arguments: Arguments) throws -> Value {
        try arguments.expect(1)
        let number = try arguments.int(0)
        guard number >= 1 else { throw arguments.badArgument(0, "page numbers start at 1") }
        let size = link.requestedPaging.size ?? link.dialect.defaultPageSize
        return .host(link.page(offset: (number - 1).clampedMultiplied(by: size), size: size))
    }

    private func get(_ arguments: Arguments) throws -> Value {
        try arguments.expect(1)
        // DeployHQ's environment variables have integer identifiers.
        let id: String
        if case .int(let number) = try arguments.value(0) { id = String(number) } else { id = try arguments.string(0) }
        let address: String
        if link.templateVariables.contains("id") {
            address = try link.address(adding: ["id": .string(id)])
        } else if let collection = link.path, let item = link.dialect.address(ofItem: id, inCollection: collection) {
            address = item
        } else {
            throw Diagnostic(.value, "\(link.rel) cannot look items up by id: its link has no {id} (\(link.template))")
        }
        return link.wrap(try link.connection.document(at: address))
    }

    private func create(_ arguments: Arguments) throws -> Value {
        try arguments.expect(1)
        let body = try arguments.value(0)
        guard case .object = body else { throw arguments.typeError(0, expected: "object") }
        // The link's own arguments stay: `Releases(ignoreChannelRules: true).create(…)`.
        let target = try link.address()
        let created = try link.connection.send("POST", to: target, body: link.dialect.requestBody(body, to: target))
        return created.map { link.wrap($0) } ?? .null
    }

    // MARK: find

    /// `find(name: "Web")` narrows on the server when the link allows it, then compares names
    /// exactly and case-insensitively across every page (`name=` matches like `partialName=` on
    /// Octopus, and a lookup that stops at page one misses things). `find { pred }` streams.
    private func find(_ arguments: Arguments) throws -> Value {
        if arguments.labelled("name") == nil {
            try arguments.expect(1)
            let predicate = try arguments.function(0)
            let walk = PageWalk(link)
            while let item = try walk.next() {
                if try arguments.call(predicate, item).isTruthy { return item }
            }
            return .null
        }
        try arguments.expect(0...0, required: ["name"])
        let wanted = try arguments.requiredString(labelled: "name")
        let filter = link.dialect.nameFilters.first { link.templateVariables.contains($0) }
        let narrowed = filter.map { link.narrowed(by: [$0: .string(wanted)]) } ?? link
        var matches: [Value] = []
        let walk = PageWalk(narrowed)
        while let item = try walk.next() {
            guard case .host(let resource as Resource) = item,
                  let name = link.dialect.name(of: resource.document),
                  name.lowercased() == wanted.lowercased() else { continue }
            matches.append(item)
        }
        guard matches.count <= 1 else {
            let candidates = matches.compactMap { item -> String? in
                guard case .host(let resource as Resource) = item else { return nil }
                return resource.identity.map { "\($0) \"\(link.dialect.name(of: resource.document) ?? "")\"" }
            }
            throw Diagnostic(.value, "\(matches.count) \(link.rel) are named '\(wanted)': \(candidates.joined(separator: ", ")); use get(id) to pick one")
        }
        return matches.first ?? .null
    }

    // MARK: Helpers

    private func firstPage(size: Int) throws -> Page {
        let document = try link.connection.document(at: try link.pageAddress(offset: link.requestedPaging.offset, size: size))
        guard let page = link.dialect.page(of: document) else { throw link.notACollection() }
        return page
    }

    private func pageSize(of page: Page) -> Int {
        page.size > 0 ? page.size : link.dialect.defaultPageSize
    }

    private func collect(_ walk: PageWalk) throws -> [Value] {
        var items: [Value] = []
        while let item = try walk.next() { items.append(item) }
        return items
    }
}
