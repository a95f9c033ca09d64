/** A document's preview: the image itself (fetched through the authorised download endpoint), or a file icon. */
import { FileOutlined, FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Image, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { fetchDocumentBlob } from '../registration';
import { useMe } from '../session';

const IMAGES = new Set(['image/png', 'image/jpeg']);

export function DocThumb({
  documentId,
  contentType,
  width = 72,
  height = 54,
  admin = false,
  preview = true,
}: {
  documentId: number;
  contentType: string;
  width?: number | string;
  height?: number | string;
  admin?: boolean | 'filings';
  preview?: boolean;
}) {
  const { api } = useMe();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const isImage = IMAGES.has(contentType);

  useEffect(() => {
    if (!isImage) return undefined;
    let objectUrl: string | null = null;
    let alive = true;
    setUrl(null);
    setFailed(false);
    fetchDocumentBlob(api, documentId, admin)
      .then((blob) => {
        if (!alive) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [api, documentId, admin, isImage]);

  const box = {
    width,
    height,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    background: '#f5f7fa',
    borderRadius: 6,
    overflow: 'hidden',
    flex: 'none',
    color: '#8c8c8c',
    fontSize: 24,
  } as const;
  if (!isImage || failed) {
    const Icon = contentType === 'application/pdf' ? FilePdfOutlined : contentType.includes('sheet') ? FileExcelOutlined : FileOutlined;
    return (
      <div style={box} aria-label="文件">
        <Icon />
      </div>
    );
  }
  if (!url) {
    return (
      <div style={box}>
        <Skeleton.Image active style={{ width: '100%', height: '100%' }} />
      </div>
    );
  }
  return (
    <div style={box}>
      <Image
        src={url}
        alt="资料预览"
        preview={preview ? { mask: '预览' } : false}
        style={{ objectFit: 'contain', width: '100%', height: '100%' }}
        wrapperStyle={{ width: '100%', height: '100%' }}
      />
    </div>
  );
}
