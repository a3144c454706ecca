/// The product version, shared by `--version`, reports and the cache key.
public enum NewslintVersion {
    public static let number = "0.1.0"
}
