using System.Globalization;
using System.Text;
using System.Text.Json;
using BiO.Persistence.Outbox;
using NodaTime.Text;

namespace BiO.Persistence.Invoicing;

/// <summary>The outbox message that tells the integration gateway an invoice was issued (it reads the rest by series and number).</summary>
public static class InvoiceIssuedMessage
{
    public const string ContentType = "application/json";

    /// <summary>The dedupe key of an invoice's message: "invoice:{series}:{number}".</summary>
    public static string KeyOf(string series, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"invoice:{series}:{number}");

    /// <summary>The message for <paramref name="invoice"/>: series, number, account, period, issue time, bill run and totals.</summary>
    public static OutgoingMessage For(IssuedInvoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("series", invoice.Series);
            json.WriteNumber("number", invoice.Number);
            json.WriteString("accountId", invoice.AccountId);
            json.WriteString("periodFirstDay", LocalDatePattern.Iso.Format(invoice.Period.Start));
            json.WriteString("periodLastDay", LocalDatePattern.Iso.Format(invoice.Period.End));
            json.WriteString("issuedAt", InstantPattern.ExtendedIso.Format(invoice.IssuedAt));
            json.WriteString("billRunId", invoice.BillRunId);
            json.WriteString("currency", "DKK");
            json.WriteNumber("totalExcludingVat", invoice.TotalExcludingVat);
            json.WriteNumber("totalVat", invoice.TotalVat);
            json.WriteNumber("total", invoice.Total);
            json.WriteEndObject();
        }

        return new OutgoingMessage(OutboxKinds.InvoiceIssued, KeyOf(invoice.Series, invoice.Number), Encoding.UTF8.GetString(buffer.ToArray()), ContentType);
    }
}
