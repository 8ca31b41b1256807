package org.planbok.wallet.chain.tron;

import com.google.protobuf.Any;
import com.google.protobuf.AnyProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;

/**
 * The part of java-tron's protocol a TRX transfer or a contract call uses ({@code core/Tron.proto}
 * {@code Transaction}, {@code balance_contract.proto} {@code TransferContract}, {@code
 * smart_contract.proto} {@code TriggerSmartContract}), declared here field by field as the .proto
 * files declare them, so that protobuf-java builds and decodes transactions independently of our
 * reader. Public so that the policy tests build Tron transactions the same way.
 */
public final class TronProtos {
  static final Descriptor TRANSACTION;
  static final Descriptor RAW;
  static final Descriptor CONTRACT;
  static final Descriptor TRANSFER;
  static final Descriptor TRIGGER;

  static {
    DescriptorProto contract =
        DescriptorProto.newBuilder()
            .setName("Contract")
            .addEnumType(
                EnumDescriptorProto.newBuilder()
                    .setName("ContractType")
                    .addValue(value("AccountCreateContract", 0))
                    .addValue(value("TransferContract", 1))
                    .addValue(value("TransferAssetContract", 2))
                    .addValue(value("TriggerSmartContract", 31)))
            .addField(
                field(1, "type", Type.TYPE_ENUM)
                    .setTypeName(".protocol.Transaction.Contract.ContractType"))
            .addField(field(2, "parameter", Type.TYPE_MESSAGE).setTypeName(".google.protobuf.Any"))
            .addField(field(3, "provider", Type.TYPE_BYTES))
            .addField(field(4, "ContractName", Type.TYPE_BYTES))
            .addField(field(5, "Permission_id", Type.TYPE_INT32))
            .build();
    DescriptorProto raw =
        DescriptorProto.newBuilder()
            .setName("raw")
            .addField(field(1, "ref_block_bytes", Type.TYPE_BYTES))
            .addField(field(3, "ref_block_num", Type.TYPE_INT64))
            .addField(field(4, "ref_block_hash", Type.TYPE_BYTES))
            .addField(field(8, "expiration", Type.TYPE_INT64))
            .addField(field(10, "data", Type.TYPE_BYTES))
            .addField(
                field(11, "contract", Type.TYPE_MESSAGE)
                    .setLabel(Label.LABEL_REPEATED)
                    .setTypeName(".protocol.Transaction.Contract"))
            .addField(field(12, "scripts", Type.TYPE_BYTES))
            .addField(field(14, "timestamp", Type.TYPE_INT64))
            .addField(field(18, "fee_limit", Type.TYPE_INT64))
            .build();
    DescriptorProto transaction =
        DescriptorProto.newBuilder()
            .setName("Transaction")
            .addNestedType(contract)
            .addNestedType(raw)
            .addField(
                field(1, "raw_data", Type.TYPE_MESSAGE).setTypeName(".protocol.Transaction.raw"))
            .addField(field(2, "signature", Type.TYPE_BYTES).setLabel(Label.LABEL_REPEATED))
            .build();
    DescriptorProto transfer =
        DescriptorProto.newBuilder()
            .setName("TransferContract")
            .addField(field(1, "owner_address", Type.TYPE_BYTES))
            .addField(field(2, "to_address", Type.TYPE_BYTES))
            .addField(field(3, "amount", Type.TYPE_INT64))
            .build();
    DescriptorProto trigger =
        DescriptorProto.newBuilder()
            .setName("TriggerSmartContract")
            .addField(field(1, "owner_address", Type.TYPE_BYTES))
            .addField(field(2, "contract_address", Type.TYPE_BYTES))
            .addField(field(3, "call_value", Type.TYPE_INT64))
            .addField(field(4, "data", Type.TYPE_BYTES))
            .addField(field(5, "call_token_value", Type.TYPE_INT64))
            .addField(field(6, "token_id", Type.TYPE_INT64))
            .build();
    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("tron-test.proto")
            .setPackage("protocol")
            .setSyntax("proto3")
            .addDependency("google/protobuf/any.proto")
            .addMessageType(transaction)
            .addMessageType(transfer)
            .addMessageType(trigger)
            .build();
    try {
      FileDescriptor fd =
          FileDescriptor.buildFrom(file, new FileDescriptor[] {AnyProto.getDescriptor()});
      TRANSACTION = fd.findMessageTypeByName("Transaction");
      RAW = TRANSACTION.findNestedTypeByName("raw");
      CONTRACT = TRANSACTION.findNestedTypeByName("Contract");
      TRANSFER = fd.findMessageTypeByName("TransferContract");
      TRIGGER = fd.findMessageTypeByName("TriggerSmartContract");
    } catch (DescriptorValidationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TronProtos() {}

  public static DynamicMessage transfer(byte[] owner, byte[] to, long amount) {
    return DynamicMessage.newBuilder(TRANSFER)
        .setField(TRANSFER.findFieldByName("owner_address"), ByteString.copyFrom(owner))
        .setField(TRANSFER.findFieldByName("to_address"), ByteString.copyFrom(to))
        .setField(TRANSFER.findFieldByName("amount"), amount)
        .build();
  }

  public static DynamicMessage trigger(byte[] owner, byte[] contract, long callValue, byte[] data) {
    return DynamicMessage.newBuilder(TRIGGER)
        .setField(TRIGGER.findFieldByName("owner_address"), ByteString.copyFrom(owner))
        .setField(TRIGGER.findFieldByName("contract_address"), ByteString.copyFrom(contract))
        .setField(TRIGGER.findFieldByName("call_value"), callValue)
        .setField(TRIGGER.findFieldByName("data"), ByteString.copyFrom(data))
        .build();
  }

  /** {@code Transaction.Contract} of {@code type} with {@code parameter} packed into an Any. */
  public static DynamicMessage contract(String type, DynamicMessage parameter) {
    return DynamicMessage.newBuilder(CONTRACT)
        .setField(
            CONTRACT.findFieldByName("type"),
            CONTRACT.findEnumTypeByName("ContractType").findValueByName(type))
        .setField(CONTRACT.findFieldByName("parameter"), Any.pack(parameter))
        .build();
  }

  /**
   * {@code Transaction.raw} as TronWeb builds it: reference block, expiration, the contract, the
   * creation time and (for calls) a fee limit.
   */
  public static DynamicMessage.Builder raw(
      DynamicMessage contract, long expiration, long feeLimit) {
    DynamicMessage.Builder b =
        DynamicMessage.newBuilder(RAW)
            .setField(RAW.findFieldByName("ref_block_bytes"), ByteString.fromHex("ab12"))
            .setField(RAW.findFieldByName("ref_block_hash"), ByteString.fromHex("0011223344556677"))
            .setField(RAW.findFieldByName("expiration"), expiration)
            .addRepeatedField(RAW.findFieldByName("contract"), contract)
            .setField(RAW.findFieldByName("timestamp"), expiration - 60_000);
    if (feeLimit != 0) {
      b.setField(RAW.findFieldByName("fee_limit"), feeLimit);
    }
    return b;
  }

  /** Decodes a signed {@code Transaction}: its raw_data bytes and its signatures. */
  static Signed decode(byte[] transaction) throws InvalidProtocolBufferException {
    DynamicMessage tx = DynamicMessage.parseFrom(TRANSACTION, transaction);
    DynamicMessage raw = (DynamicMessage) tx.getField(TRANSACTION.findFieldByName("raw_data"));
    @SuppressWarnings("unchecked")
    List<ByteString> sigs =
        (List<ByteString>) tx.getField(TRANSACTION.findFieldByName("signature"));
    return new Signed(
        raw.toByteArray(),
        sigs.stream().map(ByteString::toByteArray).toList(),
        tx.getUnknownFields().asMap().isEmpty());
  }

  record Signed(byte[] rawData, List<byte[]> signatures, boolean noUnknownFields) {}

  private static FieldDescriptorProto.Builder field(int number, String name, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setNumber(number)
        .setName(name)
        .setType(type)
        .setLabel(Label.LABEL_OPTIONAL);
  }

  private static EnumValueDescriptorProto value(String name, int number) {
    return EnumValueDescriptorProto.newBuilder().setName(name).setNumber(number).build();
  }
}
