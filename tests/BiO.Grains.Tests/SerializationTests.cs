using BiO.Grains.Accounts;
using BiO.Grains.MeteringPoints;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;
using Orleans.Storage;

namespace BiO.Grains.Tests;

/// <summary>Every NodaTime type and every wire and state type round-trips through Orleans' serializer, exactly.</summary>
public class SerializationTests
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(MeteringPointSnapshot).Assembly).AddAssembly(typeof(MeteringPointState).Assembly))
        .BuildServiceProvider();

    private static readonly Serializer Serializer = Services.GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    public static TheoryData<object> NodaValues() =>
    [
        Instant.FromUtc(2026, 10, 25, 0, 59, 59) + Duration.FromNanoseconds(999_999_999),
        Instant.FromUtc(1601, 1, 1, 0, 0),
        Instant.FromUnixTimeTicks(-1),
        NodaConstants.UnixEpoch,
        Duration.FromNanoseconds(-1),
        Duration.FromDays(1096) + Duration.FromTicks(7),
        new LocalDate(2026, 2, 28),
        new LocalTime(23, 59, 59, 999),
        new LocalDateTime(2026, 3, 29, 2, 30),
        new YearMonth(2026, 12),
        new Interval(Instant.FromUtc(2026, 3, 28, 23, 0), Instant.FromUtc(2026, 3, 29, 22, 0)),
        new Interval(null, Instant.FromUtc(2026, 1, 1, 0, 0)),
        new Interval(Instant.FromUtc(2026, 1, 1, 0, 0), null),
        new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31)),
    ];

    [Theory]
    [MemberData(nameof(NodaValues))]
    public void NodaTime_values_round_trip_exactly(object value) => Assert.Equal(value, RoundTrip(value));

    [Fact]
    public void Wire_records_round_trip()
    {
        var april = Instant.FromUtc(2026, 3, 31, 22, 0);
        var master = MeteringPointGrainTests.MasterData("571313000000002000", "e07-1", april);
        Assert.Equal(master, RoundTrip(master));
        var link = MeteringPointGrainTests.Link(april);
        Assert.Equal(link, RoundTrip(link));
        var snapshot = new MeteringPointSnapshot("571313000000002000", april, master, [link], 3);
        var back = RoundTrip(snapshot);
        Assert.Equal((snapshot.At, snapshot.MasterData, snapshot.MeterDataVersions), (back.At, back.MasterData, back.MeterDataVersions));
        Assert.Equal(snapshot.ChargeLinks, back.ChargeLinks);
    }

    [Fact]
    public void Meter_data_messages_round_trip()
    {
        var covers = new Interval(Instant.FromUtc(2026, 10, 24, 22, 0), Instant.FromUtc(2026, 10, 25, 23, 0));
        var arrival = new MeterDataArrived("doc-1", "571313000000002000", [new SeriesArrival("s-1", Instant.FromUtc(2026, 10, 26, 6, 0), covers)]);
        var back = RoundTrip(arrival);
        Assert.Equal(arrival.Series, back.Series);
        Assert.Equal((arrival.DocumentId, arrival.Gsrn), (back.DocumentId, back.Gsrn));
        Assert.Equal(new MeterDataQuery(covers, null), RoundTrip(new MeterDataQuery(covers, null)));
        var view = new MeterDataView("571313000000002000", covers, covers.End, 0.99m, [covers], null, 1);
        var viewBack = RoundTrip(view);
        Assert.Equal(view.Missing, viewBack.Missing);
        Assert.Equal((view.Coverage, view.Total, view.KnownAt), (viewBack.Coverage, viewBack.Total, viewBack.KnownAt));
    }

    [Fact]
    public void Grain_state_round_trips_through_the_storage_serializer()
    {
        var storage = new OrleansGrainStorageSerializer(Serializer);
        var april = Instant.FromUtc(2026, 3, 31, 22, 0);
        var state = new MeteringPointState
        {
            MasterData = [MeteringPointGrainTests.MasterData("571313000000002000", "e07-1", april)],
            ChargeLinks = [MeteringPointGrainTests.Link(april)],
            ChargeLinkDocuments = ["d07-1"],
        };

        var back = storage.Deserialize<MeteringPointState>(storage.Serialize(state))!;

        Assert.Equal(state.MasterData, back.MasterData);
        Assert.Equal(state.ChargeLinks, back.ChargeLinks);
        Assert.Equal(state.ChargeLinkDocuments, back.ChargeLinkDocuments);
    }

    [Fact]
    public void Registered_quantities_round_trip_in_the_account_state()
    {
        var storage = new OrleansGrainStorageSerializer(Serializer);
        var record = new RegisteredQuantityRecord("q-1", "C-4", new YearMonth(2026, 3), 12.375m, Instant.FromUtc(2026, 4, 2, 8, 30));
        var state = new CustomerAccountState { Quantities = { ["C-4"] = [record, record with { RequestId = "q-2", Quantity = 0m }] } };

        var back = storage.Deserialize<CustomerAccountState>(storage.Serialize(state))!;

        Assert.Equal(state.Quantities["C-4"], back.Quantities["C-4"]);
        var result = new QuantityRegistrationResult(QuantityRegistrationState.Conflict, record, "2026-03 of contract C-4 is invoiced");
        var wire = RoundTrip(result);
        Assert.Equal((result.State, result.Current, result.Conflict), (wire.State, wire.Current, wire.Conflict));
        Assert.Equal(new QuantityRequest("q-1", "C-4", new YearMonth(2026, 3), 1.5m), RoundTrip(new QuantityRequest("q-1", "C-4", new YearMonth(2026, 3), 1.5m)));
    }
}
