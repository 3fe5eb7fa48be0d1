namespace JobWise.Tests.Infrastructure;

/// <summary>The configuration, rings launcher and device folder of a one-node Swift, all inside one folder.</summary>
public sealed class SwiftConfigFiles(string directory, SwiftPorts ports, string account, string user, string key)
{
    public string Launcher => Path.Combine(directory, "launch.py");

    public string SwiftConf => Path.Combine(directory, "swift.conf");

    public string ServerConf(string server) => Path.Combine(directory, $"{server}.conf");

    public void Write()
    {
        Directory.CreateDirectory(Path.Combine(directory, "devices", "d1"));
        File.WriteAllText(Launcher, LauncherScript);
        File.WriteAllText(SwiftConf, """
            [swift-hash]
            swift_hash_path_suffix = jobwise-tests

            [storage-policy:0]
            name = Policy-0
            default = yes
            """);
        WriteBackend("account", ports.Account);
        WriteBackend("container", ports.Container);
        WriteBackend("object", ports.Object);
        File.WriteAllText(ServerConf("proxy-server"), $$"""
            {{Defaults(ports.Proxy)}}

            [pipeline:main]
            pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl s3api tempauth copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server

            [app:proxy-server]
            use = egg:swift#proxy
            account_autocreate = true

            [filter:s3api]
            use = egg:swift#s3api
            location = us-east-1

            [filter:tempauth]
            use = egg:swift#tempauth
            user_{{account}}_{{user}} = {{key}} .admin

            # tempauth refuses to work without a memcache client in the request.
            [filter:cache]
            use = egg:swift#memcache
            memcache_servers = 127.0.0.1:{{ports.Memcached}}

            {{Filters("catch_errors", "gatekeeper", "healthcheck", "listing_formats", "bulk", "tempurl", "copy", "slo", "dlo", "versioned_writes", "symlink")}}
            [filter:proxy-logging]
            use = egg:swift#proxy_logging
            [filter:container-quotas]
            use = egg:swift#container_quotas
            [filter:account-quotas]
            use = egg:swift#account_quotas
            """);
    }

    private void WriteBackend(string kind, int port) => File.WriteAllText(ServerConf($"{kind}-server"), $"""
        {Defaults(port)}
        devices = {Path.Combine(directory, "devices")}
        mount_check = false

        [pipeline:main]
        pipeline = {kind}-server

        [app:{kind}-server]
        use = egg:swift#{kind}
        """);

    // workers = 0 serves from the started process itself: no forks on a 2-core machine, and no privilege drop,
    // so `user` is only named for completeness and root needs nothing special.
    private string Defaults(int port) => $"""
        [DEFAULT]
        bind_ip = 127.0.0.1
        bind_port = {port}
        workers = 0
        user = {Environment.UserName}
        swift_dir = {directory}
        log_level = INFO
        """;

    private static string Filters(params string[] names) =>
        string.Concat(names.Select(name => $"[filter:{name}]\nuse = egg:swift#{name}\n"));

    /// <summary>
    /// Runs a Swift server (or builds the rings) with swift.conf read from our folder: the installed Swift reads
    /// /etc/swift/swift.conf unconditionally, and only this module global moves it.
    /// Rings are built through the library swift-ring-builder uses, in one process instead of nine (~0.9 s each).
    /// </summary>
    private const string LauncherScript = """
        import os
        import sys

        from swift.common import utils

        utils.SWIFT_CONF_FILE = sys.argv[1]
        command = sys.argv[2]

        if command == 'rings':
            from swift.common.ring import RingBuilder
            swift_dir = sys.argv[3]
            for name, port in zip(('account', 'container', 'object'), map(int, sys.argv[4:7])):
                builder = RingBuilder(4, 1, 1)
                builder.add_dev({'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': port,
                                 'device': 'd1', 'weight': 100})
                builder.rebalance()
                builder.get_ring().save(os.path.join(swift_dir, name + '.ring.gz'))
            sys.exit(0)

        from swift.common.wsgi import run_wsgi

        options = {}
        if command == 'object-server':
            from swift.obj import server
            options['global_conf_callback'] = server.global_conf_callback
        sys.exit(run_wsgi(sys.argv[3], command, verbose=True, **options))
        """;
}

public sealed record SwiftPorts(int Proxy, int Account, int Container, int Object, int Memcached)
{
    public static SwiftPorts Pick()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 5)
        {
            ports.Add(FreePort.Next());
        }
        var list = ports.ToList();
        return new SwiftPorts(list[0], list[1], list[2], list[3], list[4]);
    }
}
