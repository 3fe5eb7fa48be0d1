using JobWise.Tests.Infrastructure;

// The servers every test class shares, started once per test run: one PostgreSQL (a database per host), one Redis
// (hosts keep their rate limits apart by key prefix), one renderer with its Chromium, and one mail catcher.
[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(RedisServer))]
[assembly: AssemblyFixture(typeof(RendererServer))]
[assembly: AssemblyFixture(typeof(Smtp4devServer))]
