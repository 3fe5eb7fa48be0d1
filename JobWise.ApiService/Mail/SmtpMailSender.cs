using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JobWise.ApiService.Mail;

/// <summary>Hands a message to the configured SMTP server (MailKit); throws when the server cannot be reached or refuses it.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options)
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
        if (settings.UserName.Length > 0)
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
