import type { label as zh } from '../zh/label.js';

export const label: Record<keyof typeof zh, string> = {
  'label.description':
    'Labels for AI-generated content (Labelling Measures, GB 45438-2025): add, check and inspect explicit and implicit labels',
  'label.help.examples': `Examples:
  beian label add out/ --producer 001191110102MAD55U9H0F10002            (implicit label in the file metadata)
  beian label add poster.png answer.txt --producer 001191110102MAD55U9H0F10002 --explicit
  beian label check out/ --out label-report.html
  beian label check uploads/ --as-platform --declared declared.txt --propagator 001191110102MAD55U9H0F20003
  beian label inspect poster.png --json

Formats: PNG, JPEG, WebP, GIF, TIFF, WAV, MP3, FLAC, Ogg (Vorbis/Opus), MP4/MOV, PDF, DOCX/XLSX/PPTX, Markdown;
plain text, JSON, CSV… use a sidecar file <name>.aigc.json. Placements and their sources: docs/label.md.

Exit codes: 0 all pass · 1 some file fails · 2 bad flags or input · 3 ffmpeg missing (audio/video explicit labels)`,
  'label.add.description':
    'Labels files (or the files in folders): the implicit label (metadata, with the ReservedCode1 integrity digest) by default; --explicit adds the visible label too',
  'label.check.description':
    'Checks the implicit label (JSON shape, fields, character set, one label per file, provider code, integrity) and the explicit label where a machine can (text, WAV rhythm)',
  'label.inspect.description': 'Shows every label found in one file, where it sits, its fields and problems',
  'label.option.producer':
    'provider code (TC260 guide format, 27 characters, e.g. 001191110102MAD55U9H0F10002)',
  'label.option.produceId': 'content number ProduceID (default: a UUID per file)',
  'label.option.label': 'Label class: 1 AI-generated, 2 possibly, 3 suspected (default 1)',
  'label.option.explicit':
    'also add the explicit label (text notice, image text, audio rhythm or voice, video opening text)',
  'label.option.noImplicit': 'do not write the implicit label (explicit only)',
  'label.option.text': 'explicit label text (default 本内容由人工智能生成)',
  'label.option.position': 'text label position: start or end (default start)',
  'label.option.imagePosition':
    'image/video label position: top-left, top, top-right, bottom-left, bottom, bottom-right (default bottom-right)',
  'label.option.audioLabel': 'use this spoken label instead of the 短长短短 rhythm',
  'label.option.audioPosition': 'audio label position: start or end (default start)',
  'label.option.videoSeconds': 'seconds the video opening label shows (default 2, at least 2)',
  'label.option.throughout': 'show the video label throughout',
  'label.option.noExplicitCheck': 'do not check explicit labels',
  'label.option.out': 'also write an HTML report',
  'label.option.asPlatform':
    'check as a distribution platform (Measures Art. 6): classify files as Label 1/2/3 from metadata and user declarations',
  'label.option.declared': 'list of files the uploader declared as AI-generated (one path per line)',
  'label.option.declareAll': 'treat every file as declared',
  'label.option.propagator': 'platform (propagator) code: writes ContentPropagator and PropagateID',
  'label.option.service':
    'the service (beian.yaml service id) the files belong to, for the filing materials and the dashboard',
  'label.option.noSave': 'do not save the check results to the database',
  'label.badProducer':
    '{flag} {code} is not a TC260 provider code ({problems}): 27 characters such as 001191110102MAD55U9H0F10002 (00 + 11 + unified social credit code + service type 1/2 + 4-character model/app code)',
  'label.badLabel': '--label must be 1, 2 or 3',
  'label.badPosition': '{flag} value "{value}" is not one of {allowed}',
  'label.badText':
    '--text needs both an AI element (人工智能 / AI) and a generation element (生成 / 合成), e.g. 本内容由人工智能生成',
  'label.badSeconds': '--video-seconds must be a number ≥ 2',
  'label.noFiles': 'No files to process: {paths}',
  'label.header.file': 'File',
  'label.header.format': 'Format',
  'label.header.implicit': 'Implicit',
  'label.header.explicit': 'Explicit',
  'label.header.class': 'Platform class',
  'label.header.problems': 'Problems',
  'label.progress': 'Checking labels',
  'label.progressAdd': 'Adding labels',
  'label.summary': '{total} files: {passed} pass, {failed} fail',
  'label.classes':
    'Platform classes: Label 1 (AI) {c1} · Label 2 (possibly) {c2} · Label 3 (suspected) {c3} · no sign {none}',
  'label.added': 'Labelled {n} files, {failed} failed',
  'label.explicit.ok': '✓',
  'label.explicit.missing': '✗',
  'label.explicit.na': '—',
  'label.saved': 'Check results saved ({n} files)',
  'label.report': 'Report written to {file}',
  'label.inspect.none': 'No implicit label found',
  'label.inspect.where': 'Where',
  'label.inspect.digest': 'Content digest (SM3)',
  'label.issue.json': 'not valid JSON',
  'label.issue.not-object': 'the AIGC value is not a JSON object',
  'label.issue.missing': 'required field {field} is missing',
  'label.issue.not-string': 'field {field} is not a string',
  'label.issue.label-value': 'Label must be "1", "2" or "3" (found {detail})',
  'label.issue.charset':
    'field {field} has a character outside the allowed set: {detail} (0x21, 0x23–0x5B, 0x5D–0x7E and the escaped quote; Chinese names must be codes)',
  'label.issue.unknown-field': 'unknown field {field}',
  'label.issue.provider-code': 'ContentProducer is not a TC260 provider code ({detail})',
  'label.issue.propagator-code': 'ContentPropagator is not a TC260 code ({detail})',
  'label.issue.integrity-missing': 'no ReservedCode1 integrity data',
  'label.issue.integrity-mismatch':
    'ReservedCode1 does not match the content digest: the content changed after labelling',
  'label.issue.integrity-format': 'ReservedCode1 is not in a format beian can verify; not verified',
  'label.issue.duplicate':
    'more than one label in the file ({detail}): one per file, overwrite instead of appending',
  'label.issue.absent': 'no implicit label',
  'label.issue.unsupported': 'unsupported file format',
  'label.issue.damaged': 'damaged or unparseable file: {detail}',
  'label.issue.explicit-missing': 'no explicit label found',
  'label.html.title': 'AI content label check',
  'label.html.generated': 'Generated {time}',
  'web.labels.heading': 'AI content labels',
  'web.labels.intro':
    'The latest beian label check per service (beian label check <folder> --service <service>).',
  'web.labels.none': 'No label checks yet: run beian label check <folder> --service <service>.',
  'web.labels.noService': 'No service given',
  'web.labels.files': 'Files',
  'web.labels.failed': 'Failed',
  'web.labels.failing': 'Failing files',
  'web.labels.nav': 'Labels',
  'label.err.value': 'invalid label value: {detail}',
  'label.err.declared': 'Cannot read the declaration list {list}',
  'label.err.imageSize': '{file}: image size unknown',
  'label.err.noAudio': '{file}: no audio stream',
  'label.err.codec': '{file}: beian does not re-encode {codec} audio',
  'label.err.noVideo': '{file}: no video stream',
  'label.err.kb': 'Cannot read {file}: {message}',
  'label.err.toolMissing':
    "{tool} is not installed: audio/video explicit labels need Debian's ffmpeg package (apt install ffmpeg)",
  'label.err.toolFailed': '{tool} failed: {message}',
  'label.err.notFound': 'File not found: {file}',
  'label.notShown': '{n} more failing files not listed here: see --json or the --out report',
  'label.sourceShorter': 'source shorter than planned at {at}',
};
