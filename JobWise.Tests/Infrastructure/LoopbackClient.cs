using System.Net;
using System.Net.Sockets;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// HTTP clients that connect to a real server from a chosen loopback address (any of 127.0.0.0/8 on Linux, which needs
/// no set-up), so that one machine can play several clients and a proxy, each with an address of its own as the server
/// sees it, without the server trusting forwarded headers.
/// </summary>
public static class LoopbackClient
{
    public static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");

    // Client addresses start at 127.0.1.1, clear of 127.0.0.1 and the proxy.
    private static int _lastHost = 256;

    /// <summary>A client address no other caller in this test run has been given.</summary>
    public static IPAddress NewClientAddress()
    {
        var host = Interlocked.Increment(ref _lastHost);
        return new IPAddress([127, (byte)(host >> 16), (byte)(host >> 8), (byte)host]);
    }

    public static SocketsHttpHandler Handler(IPAddress source) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public static HttpClient From(IPAddress source, string baseAddress) =>
        new(Handler(source)) { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(100) };
}
