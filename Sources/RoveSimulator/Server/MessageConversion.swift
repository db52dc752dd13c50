// Hummingbird's requests and responses to and from the services' plain SimRequest and SimResponse.

import HTTPTypes
import Hummingbird

extension SimRequest {
    /// The request `head` describes, with `body` already collected.
    ///
    /// The path stays percent-encoded so services can tell an encoded `/` from a separator; the
    /// query is decoded here, once, the way every route wants it.
    init(head: HTTPRequest, body: [UInt8]) {
        let (path, query) = Self.split(target: head.path ?? "/")
        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(head.headerFields.count + 1)
        // HTTP/1's Host travels as the :authority pseudo-header once parsed; give it back.
        if let authority = head.authority { headers.append((name: "host", value: authority)) }
        for field in head.headerFields {
            headers.append((name: field.name.canonicalName, value: field.value))
        }
        self.init(method: head.method.rawValue.uppercased(), path: path, query: QueryString.parameters(query),
                  headers: headers, body: body)
    }

    /// The raw query string of `target`, without `?`, for the request log.
    static func rawQuery(of target: String) -> String {
        String(split(target: target).query)
    }

    /// `/api/x?a=1` into `/api/x` and `a=1`; a fragment, which clients should never send, is dropped.
    static func split(target: String) -> (path: String, query: Substring) {
        let withoutFragment = target.prefix { $0 != "#" }
        guard let mark = withoutFragment.firstIndex(of: "?") else {
            return (String(withoutFragment), "")
        }
        return (String(withoutFragment[..<mark]), withoutFragment[withoutFragment.index(after: mark)...])
    }
}

extension SimResponse {
    /// The complete Hummingbird response: `Content-Length` is the body's, whatever the service set.
    var hummingbirdResponse: Response {
        Response(status: httpStatus, headers: httpHeaders(contentLength: body.count),
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A status outside 100…599 is a service bug; answer 500 rather than trap on it.
    var httpStatus: HTTPResponse.Status {
        HTTPResponse.Status(code: (100...599).contains(status) ? status : 500)
    }

    /// The service's fields plus `Content-Length: contentLength`; names HTTP cannot carry are
    /// left out, never trapped on.
    func httpHeaders(contentLength: Int) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let fieldName = HTTPField.Name(name), fieldName != .contentLength else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        fields[.contentLength] = String(contentLength)
        return fields
    }
}
