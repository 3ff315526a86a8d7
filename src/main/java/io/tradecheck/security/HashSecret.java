package io.tradecheck.security;

/**
 * Prints users-file lines for a new user or API key, so an operator never writes a secret in clear:
 * {@code java -cp target/quarkus-app/app/tradecheck-<version>.jar io.tradecheck.security.HashSecret user anna checker,auditor}
 * (reads the password from the console), or {@code ... HashSecret apikey erp checker} (generates the key).
 */
public final class HashSecret {
    private HashSecret() {
    }

    public static void main(String[] args) {
        if (args.length != 3 || !(args[0].equals("user") || args[0].equals("apikey"))) {
            System.err.println("usage: HashSecret user <name> <roles> | HashSecret apikey <name> <roles>");
            System.exit(2);
        }
        if (args[0].equals("apikey")) {
            String key = "tc_" + SecretHash.randomSecret(24);
            System.out.println("# the key (give it to the caller; it is not stored): " + key);
            System.out.println("apikey." + args[1] + "=" + args[2] + "|" + SecretHash.hashApiKey(key));
            return;
        }
        char[] password = System.console() == null ? null : System.console().readPassword("password for %s: ", args[1]);
        if (password == null || password.length < 12) {
            System.err.println("a password of at least 12 characters is required (run in a terminal)");
            System.exit(2);
        }
        System.out.println("user." + args[1] + "=" + args[2] + "|"
                + SecretHash.hashPassword(new String(password), SecretHash.DEFAULT_ITERATIONS));
    }
}
