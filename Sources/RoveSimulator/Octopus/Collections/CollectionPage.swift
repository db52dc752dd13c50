// Pages a filtered list into Octopus's ResourceCollection shape, with the real paging links.

/// `skip` and `take` as the real server reads them: defaults 0 and 30, never negative.
struct Paging {
    static let pageAll = 2_147_483_647
    let skip: Int
    let take: Int

    init(_ context: RouteContext) throws {
        func number(_ name: String, _ fallback: Int) throws -> Int {
            guard let text = context.query(name) else { return fallback }
            guard let value = Int(text) else {
                throw OctopusFailure.invalid("The value '\(text)' is not valid for \(name).")
            }
            // Clamped so page arithmetic never overflows, whatever a client sends.
            return min(max(0, value), Paging.pageAll)
        }
        skip = try number("skip", 0)
        take = try number("take", 30)
    }

    func slice<T>(_ items: [T]) -> ArraySlice<T> {
        let start = min(skip, items.count)
        let end = take >= items.count - start ? items.count : start + take
        return items[start..<end]
    }
}

enum CollectionPage {
    /// The collection document for `items`, rendering only the requested page.
    static func render<T>(_ items: [T], itemType: String, path: String, template: String,
                          context: RouteContext, render: (T) -> JSONValue) throws -> JSONValue {
        let paging = try Paging(context)
        return renderPage(total: items.count, paging: paging, itemType: itemType, path: path,
                          template: template, context: context,
                          items: paging.slice(items).map(render))
    }

    static func renderPage(total: Int, paging: Paging, itemType: String, path: String, template: String,
                           context: RouteContext, items: [JSONValue]) -> JSONValue {
        let take = paging.take
        let pages = take > 0 ? (total + take - 1) / take : 0
        let lastPage = pages - 1
        let extra = carriedQuery(context)
        func link(skip: Int, take: Int) -> JSONValue {
            .string("\(path)?skip=\(skip)&take=\(take)\(extra)")
        }
        var links: [(String, JSONValue)] = [
            ("Self", link(skip: paging.skip, take: take)),
            ("Template", .string(template)),
            ("Page.All", link(skip: 0, take: Paging.pageAll)),
        ]
        if paging.skip > 0 {
            links.append(("Page.Previous", link(skip: max(0, paging.skip - take), take: take)))
        }
        if take > 0, paging.skip + take < total, !context.request.omitsNextPageLink {
            links.append(("Page.Next", link(skip: paging.skip + take, take: take)))
        }
        links.append(("Page.Current", link(skip: paging.skip, take: take)))
        links.append(("Page.Last", link(skip: max(0, lastPage) * take, take: take)))
        return .object([
            ("ItemType", .string(itemType)),
            ("TotalResults", .int(total)),
            ("ItemsPerPage", .int(take)),
            ("NumberOfPages", .int(pages)),
            ("LastPageNumber", .int(lastPage)),
            ("Items", .array(items)),
            ("Links", .object(links)),
        ])
    }

    /// Filters ride along on page links, so following `Page.Next` keeps the same result set.
    static func carriedQuery(_ context: RouteContext) -> String {
        var text = ""
        for (name, value) in context.request.query {
            let lower = name.lowercased()
            if lower == "skip" || lower == "take" || lower == "apikey" { continue }
            text += "&\(name)=\(percentEncode(value))"
        }
        return text
    }

    static func percentEncode(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: ","):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
            }
        }
        return out
    }
}
