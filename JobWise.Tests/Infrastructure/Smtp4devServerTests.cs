using System.Net.Sockets;
using System.Text;

namespace JobWise.Tests.Infrastructure;

public sealed class Smtp4devServerTests(Smtp4devServer mail)
{
    [Fact]
    public async Task Smtp4dev_fixture_shows_a_message_sent_over_smtp_through_its_api()
    {
        var to = $"fixture-{Guid.NewGuid():N}@example.com";
        using var smtp = new TcpClient();
        await smtp.ConnectAsync("127.0.0.1", mail.SmtpPort, TestContext.Current.CancellationToken);
        await using var stream = smtp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        async Task<string> SayAsync(string? line)
        {
            if (line is not null)
            {
                await writer.WriteLineAsync(line);
            }
            var answer = await reader.ReadLineAsync(TestContext.Current.CancellationToken) ?? "";
            // Multi-line answers (EHLO) go on while the fourth character is '-'.
            while (answer.Length > 3 && answer[3] == '-')
            {
                answer = await reader.ReadLineAsync(TestContext.Current.CancellationToken) ?? "";
            }
            return answer;
        }
        Assert.StartsWith("220", await SayAsync(null));
        Assert.StartsWith("250", await SayAsync("EHLO tests"));
        Assert.StartsWith("250", await SayAsync("MAIL FROM:<fixture@example.com>"));
        Assert.StartsWith("250", await SayAsync($"RCPT TO:<{to}>"));
        Assert.StartsWith("354", await SayAsync("DATA"));
        Assert.StartsWith("250", await SayAsync($"From: fixture@example.com\r\nTo: {to}\r\nSubject: Fixture check\r\n\r\nHello from the fixture.\r\n."));
        await SayAsync("QUIT");

        var received = (await mail.WaitForMessagesToAsync(to, "Fixture check")).Single();
        Assert.Contains("Hello from the fixture.", received.Text);
    }
}
