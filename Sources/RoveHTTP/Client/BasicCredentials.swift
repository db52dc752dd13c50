// The `Authorization` value of HTTP Basic authentication (RFC 7617).

public enum BasicCredentials {
    /// `Basic <base64 of user:password>`. Register the pair with a `Redactor` too
    /// (`register(user:password:)`), so no form of it is written out.
    public static func authorization(user: String, password: String) -> String {
        "Basic " + Base64.encode(Array((user + ":" + password).utf8))
    }
}
