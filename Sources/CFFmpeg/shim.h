#ifndef VOUCH_CFFMPEG_SHIM_H
#define VOUCH_CFFMPEG_SHIM_H

// The FFmpeg API as Vouch sees it. Swift imports plain constants, enums and
// header inlines, but not function-like macros (AVERROR, AV_NOPTS_VALUE,
// AVERROR_EOF, av_err2str) or bit-fields reliably; these inlines re-export them.

#include <errno.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avstring.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/avutil.h>
#include <libavutil/display.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>

/// AVERROR(e): an FFmpeg error code from a POSIX errno.
static inline int vouch_averror(int posix_errno) { return AVERROR(posix_errno); }

static inline int vouch_averror_eof(void) { return AVERROR_EOF; }
static inline int vouch_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int vouch_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
static inline int vouch_averror_exit(void) { return AVERROR_EXIT; }
static inline int vouch_averror_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }
static inline int vouch_averror_stream_not_found(void) { return AVERROR_STREAM_NOT_FOUND; }

/// av_err2str without the compound literal: writes the message into `buffer`.
static inline void vouch_error_string(int code, char *buffer, size_t size) {
    if (av_strerror(code, buffer, size) < 0) {
        snprintf(buffer, size, "unknown FFmpeg error %d", code);
    }
}

static inline int64_t vouch_nopts_value(void) { return AV_NOPTS_VALUE; }

/// Whether an index entry marks a keyframe; AVIndexEntry.flags is a bit-field.
static inline int vouch_index_entry_is_keyframe(const AVIndexEntry *entry) {
    return (entry->flags & AVINDEX_KEYFRAME) != 0;
}

/// The display matrix of a stream, or NULL when the stream has none.
static inline const int32_t *vouch_display_matrix(const AVStream *stream) {
    size_t size = 0;
    const uint8_t *data = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    return (data != NULL && size >= 9 * sizeof(int32_t)) ? (const int32_t *)data : NULL;
}

/// The determinant sign of a display matrix: negative means the picture is mirrored.
static inline int vouch_display_matrix_is_mirrored(const int32_t *matrix) {
    int64_t det = (int64_t)matrix[0] * matrix[4] - (int64_t)matrix[1] * matrix[3];
    return det < 0;
}

#endif
