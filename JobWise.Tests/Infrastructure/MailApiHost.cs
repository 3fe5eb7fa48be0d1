using System.Net;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// The API in-process with its mail going to the shared smtp4dev, and low limits on requests that send mail. Clients
/// made with <see cref="ClientFrom"/> connect from a client address of their own, as the limits see it.
/// </summary>
public class MailApiHost(PostgresServer postgres, RedisServer redis, Smtp4devServer mail) : ApiHost(postgres, redis)
{
    public const int MailsPerAccount = 2;
    public const int MailsPerAddress = 4;

    public Smtp4devServer Mail => mail;

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>(mail.ApiSettings())
    {
        ["Auth:MailRateLimit:AccountPermitLimit"] = MailsPerAccount.ToString(),
        ["Auth:MailRateLimit:AddressPermitLimit"] = MailsPerAddress.ToString(),
        ["Auth:MailRateLimit:Window"] = "00:10:00",
    };

    /// <summary>A client whose requests come from <paramref name="address"/> (a new one when not given).</summary>
    public HttpClient ClientFrom(IPAddress? address = null)
    {
        var source = address ?? LoopbackClient.NewClientAddress();
        return new HttpClient(Factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = source))
        {
            BaseAddress = Factory.Server.BaseAddress,
        };
    }
}
