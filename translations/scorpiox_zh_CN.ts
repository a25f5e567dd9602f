<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CachedImageModel</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>磁盘占用</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
</context>
<context>
    <name>CleanupView</name>
    <message>
        <source>Scan Again</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <source>Remove All</source>
        <translation>全部移除</translation>
    </message>
    <message>
        <source>Remove everything listed; live sessions are never touched</source>
        <translation>移除列出的所有项目；正在运行的会话绝不会受影响</translation>
    </message>
    <message>
        <source>Sessions that crashed or were killed can leave records, overlays, staging directories and WSL distributions behind. Live sessions are never listed.</source>
        <translation>崩溃或被强制终止的会话可能会遗留会话记录、覆盖层、暂存目录和 WSL 发行版。正在运行的会话永远不会列出。</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Cannot look for leftovers: %1</source>
        <translation>无法查找残留项：%1</translation>
    </message>
    <message>
        <source>Nothing to clean up.</source>
        <translation>没有需要清理的内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s), %1 in all.</source>
        <translation>
            <numerusform>%n 项，共 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>正在移除…</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n item(s), freed %1.</source>
        <translation>
            <numerusform>已移除 %n 项，释放了 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not remove: %1</source>
        <translation>无法移除：%1</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>Scorpiox Desktop is still running</source>
        <translation>Scorpiox Desktop 仍在运行</translation>
    </message>
    <message>
        <source>Sessions keep running; the tray icon brings the window back.</source>
        <translation>会话会继续运行；点击托盘图标即可重新打开窗口。</translation>
    </message>
</context>
<context>
    <name>FormatText</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>HostCheckView</name>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>解决方法</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>ImagesView</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>Import Tarball…</source>
        <translation>导入 tar 包…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Download the selected image from the registry (again, if its digest changed)</source>
        <translation>从镜像仓库下载所选镜像（如果其摘要已变化，则重新下载）</translation>
    </message>
    <message>
        <source>Cached images</source>
        <translation>已缓存的镜像</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>镜像仓库</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s), %1 on disk in %2</source>
        <translation>
            <numerusform>%n 个镜像，在 %2 中占用 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) at %1</source>
        <translation>
            <numerusform>%n 个镜像，位于 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The registry cannot be listed: %1</source>
        <translation>无法列出镜像仓库的内容：%1</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>正在查询 %1…</translation>
    </message>
    <message>
        <source>Wait for %1 to finish, or cancel it.</source>
        <translation>请等待“%1”完成，或将其取消。</translation>
    </message>
    <message>
        <source>Image %1 is ready, %2 on disk.</source>
        <translation>镜像 %1 已就绪，占用磁盘 %2。</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>，%1</translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation>，剩余 %1</translation>
    </message>
    <message>
        <source>Pulling %1</source>
        <translation>拉取 %1</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Delete image %1 and its archive from the cache? Sessions will have to pull it again.</source>
        <translation>要从缓存中删除镜像 %1 及其归档吗？会话将需要重新拉取该镜像。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Image %1 deleted.</source>
        <translation>镜像 %1 已删除。</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation>%1 已取消。</translation>
    </message>
</context>
<context>
    <name>ImportImageDialog</name>
    <message>
        <source>Import Image</source>
        <translation>导入镜像</translation>
    </message>
    <message>
        <source>rootfs.tar.gz, .tar, .tgz, .tar.xz or .tar.zst</source>
        <translation>rootfs.tar.gz、.tar、.tgz、.tar.xz 或 .tar.zst</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Tarball:</source>
        <translation>tar 包(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Choose the image tarball to import.</source>
        <translation>请选择要导入的镜像 tar 包。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>Image Tarball</source>
        <translation>镜像 tar 包</translation>
    </message>
    <message>
        <source>Image tarballs (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;All files (*)</source>
        <translation>镜像 tar 包 (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Looking for %1…</source>
        <translation>正在查找 %1…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Scorpiox Desktop</source>
        <translation>Scorpiox Desktop</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Cleanup</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>密钥</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MountTableModel</name>
    <message>
        <source>Host path</source>
        <translation>主机路径</translation>
    </message>
    <message>
        <source>Container path</source>
        <translation>容器路径</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Mount %1: choose a host path.</source>
        <translation>挂载 %1：请选择主机路径。</translation>
    </message>
    <message>
        <source>Mount %1: the host path %2 must be absolute.</source>
        <translation>挂载 %1：主机路径 %2 必须是绝对路径。</translation>
    </message>
    <message>
        <source>Mount %1: %2 does not exist.</source>
        <translation>挂载 %1：%2 不存在。</translation>
    </message>
    <message>
        <source>Mount %1: the container path must be absolute, e.g. /data.</source>
        <translation>挂载 %1：容器路径必须是绝对路径，例如 /data。</translation>
    </message>
    <message>
        <source>Mount %1: looking for %2…</source>
        <translation>挂载 %1：正在查找 %2…</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>New Session</source>
        <translation>新建会话</translation>
    </message>
    <message>
        <source>Host network</source>
        <translation>主机网络</translation>
    </message>
    <message>
        <source>Isolated (loopback only)</source>
        <translation>隔离（仅回环）</translation>
    </message>
    <message>
        <source>None (no sockets)</source>
        <translation>无（无套接字）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>Empty: agent_command from the settings.</source>
        <translation>留空：使用设置中的 agent_command。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>镜像(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Project folder:</source>
        <translation>项目文件夹(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>网络(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Mounts:</source>
        <translation>挂载(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source>M&amp;emory limit:</source>
        <translation>内存限制(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Choose the project folder the session works on.</source>
        <translation>请选择会话要处理的项目文件夹。</translation>
    </message>
    <message>
        <source>The project folder %1 does not exist.</source>
        <translation>项目文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Project folder</source>
        <translation>项目文件夹</translation>
    </message>
    <message>
        <source>Folder to mount</source>
        <translation>要挂载的文件夹</translation>
    </message>
    <message>
        <source>Looking for the project folder %1…</source>
        <translation>正在查找项目文件夹 %1…</translation>
    </message>
</context>
<context>
    <name>OrphanListModel</name>
    <message>
        <source>Session record</source>
        <translation>会话记录</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>覆盖层</translation>
    </message>
    <message>
        <source>Staging directory</source>
        <translation>暂存目录</translation>
    </message>
    <message>
        <source>WSL distribution</source>
        <translation>WSL 发行版</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Why it is an orphan</source>
        <translation>成为孤立项的原因</translation>
    </message>
</context>
<context>
    <name>PackageListEdit</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>add a package, Enter</source>
        <translation>输入软件包名称后按 Enter 添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Install no packages on an image&apos;s first boot</source>
        <translation>镜像首次启动时不安装任何软件包</translation>
    </message>
</context>
<context>
    <name>PathEdit</name>
    <message>
        <source>comma-separated absolute paths</source>
        <translation>以逗号分隔的绝对路径</translation>
    </message>
    <message>
        <source>a folder; ~ is your home</source>
        <translation>一个文件夹；~ 表示您的主目录</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Add a folder to the list</source>
        <translation>向列表中添加文件夹</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Folder to Add</source>
        <translation>要添加的文件夹</translation>
    </message>
    <message>
        <source>Choose Folder</source>
        <translation>选择文件夹</translation>
    </message>
</context>
<context>
    <name>RemoteImageModel</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Download size</source>
        <translation>下载大小</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>SecretEntryDialog</name>
    <message>
        <source>Replace Secret</source>
        <translation>替换密钥</translation>
    </message>
    <message>
        <source>Add Secret</source>
        <translation>添加密钥</translation>
    </message>
    <message>
        <source>e.g. ANTHROPIC_API_KEY</source>
        <translation>例如 ANTHROPIC_API_KEY</translation>
    </message>
    <message>
        <source>the new value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>the value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>值(&amp;V)：</translation>
    </message>
    <message>
        <source>Stored in the system keychain and set as an environment variable of this name in every new session. It is not shown again.</source>
        <translation>保存在系统钥匙串中，并在每个新会话中设置为同名的环境变量。该值不会再次显示。</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Enter the name of the environment variable the secret is set as.</source>
        <translation>请输入该密钥所对应的环境变量名称。</translation>
    </message>
    <message>
        <source>%1 is not a valid name: use letters, digits and _, not starting with a digit.</source>
        <translation>%1 不是有效的名称：请使用字母、数字和 _，且不能以数字开头。</translation>
    </message>
    <message>
        <source>Enter the value.</source>
        <translation>请输入值。</translation>
    </message>
</context>
<context>
    <name>SecretListModel</name>
    <message>
        <source>Set in every new session as $%1</source>
        <translation>在每个新会话中设置为 $%1</translation>
    </message>
    <message>
        <source>Secret %1 replaced.</source>
        <translation>密钥 %1 已替换。</translation>
    </message>
    <message>
        <source>Secret %1 added.</source>
        <translation>密钥 %1 已添加。</translation>
    </message>
    <message>
        <source>Secret %1 removed.</source>
        <translation>密钥 %1 已移除。</translation>
    </message>
</context>
<context>
    <name>SecretsView</name>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;place…</source>
        <translation>替换(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>API keys and registry credentials kept in the system keychain. Each one is set as an environment variable of its name in every new session, unless the session sets that variable itself. Values are never shown and never written to settings files.</source>
        <translation>保存在系统钥匙串中的 API 密钥和镜像仓库凭据。每一项都会在每个新会话中设置为同名的环境变量，除非会话自己设置了该变量。其值从不显示，也从不写入设置文件。</translation>
    </message>
    <message>
        <source>Asking the keychain…</source>
        <translation>正在询问钥匙串…</translation>
    </message>
    <message>
        <source>Waiting for the keychain…</source>
        <translation>正在等待钥匙串…</translation>
    </message>
    <message>
        <source>No keychain: secrets cannot be stored.</source>
        <translation>没有钥匙串：无法保存密钥。</translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) stored.</source>
        <translation>
            <numerusform>已保存 %n 个密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove secret %1 from the keychain? New sessions will no longer get it.</source>
        <translation>要从钥匙串中移除密钥 %1 吗？新会话将不再获得它。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>resolving</source>
        <translation>正在解析</translation>
    </message>
    <message>
        <source>preparing image</source>
        <translation>正在准备镜像</translation>
    </message>
    <message>
        <source>creating overlay</source>
        <translation>正在创建覆盖层</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>timed out after %1 s (container_timeout)</source>
        <translation>%1 s 后超时（container_timeout）</translation>
    </message>
    <message>
        <source>the runtime failed</source>
        <translation>容器运行时出错</translation>
    </message>
    <message>
        <source>the command could not be executed</source>
        <translation>无法执行该命令</translation>
    </message>
    <message>
        <source>the command was not found</source>
        <translation>找不到该命令</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>被 %1 终止</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>已退出，退出码为 %1</translation>
    </message>
    <message>
        <source>installing packages</source>
        <translation>正在安装软件包</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>Resolving</source>
        <translation>正在解析</translation>
    </message>
    <message>
        <source>Preparing image</source>
        <translation>正在准备镜像</translation>
    </message>
    <message>
        <source>Creating overlay</source>
        <translation>正在创建覆盖层</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>(host)</source>
        <translation>（主机）</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Installing packages</source>
        <translation>正在安装软件包</translation>
    </message>
    <message>
        <source>Its process %1 has ended; Cleanup removes what it left.</source>
        <translation>其进程 %1 已结束；“清理”会移除它留下的内容。</translation>
    </message>
    <message>
        <source>Run by another process (%1); its terminal is there, Open Shell works here.</source>
        <translation>由另一个进程（%1）运行；其终端在那里，在此可使用“打开 Shell”。</translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation>已孤立</translation>
    </message>
</context>
<context>
    <name>SessionTerminalTab</name>
    <message>
        <source>The session failed: %1</source>
        <translation>会话失败：%1</translation>
    </message>
    <message>
        <source>The session ended: %1.</source>
        <translation>会话已结束：%1。</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>，%1</translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation>，剩余 %1</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <source>New Session…</source>
        <translation>新建会话…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open Terminal</source>
        <translation>打开终端</translation>
    </message>
    <message>
        <source>Open Shell</source>
        <translation>打开 Shell</translation>
    </message>
    <message>
        <source>Save Log…</source>
        <translation>保存日志…</translation>
    </message>
    <message>
        <source>Open a second terminal inside the running session</source>
        <translation>在运行中的会话内打开第二个终端</translation>
    </message>
    <message>
        <source>Session %1 failed: %2</source>
        <translation>会话 %1 失败：%2</translation>
    </message>
    <message>
        <source>Cannot start the session: %1</source>
        <translation>无法启动会话：%1</translation>
    </message>
    <message>
        <source>new session</source>
        <translation>新会话</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Cannot open a shell: %1</source>
        <translation>无法打开 Shell：%1</translation>
    </message>
    <message>
        <source>shell in %1</source>
        <translation>%1 中的 Shell</translation>
    </message>
    <message>
        <source>Save Session Log</source>
        <translation>保存会话日志</translation>
    </message>
    <message>
        <source>Log saved to %1.</source>
        <translation>日志已保存到 %1。</translation>
    </message>
    <message>
        <source>Cannot save the log: %1</source>
        <translation>无法保存日志：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Session %1 stopped.</source>
        <translation>会话 %1 已停止。</translation>
    </message>
    <message>
        <source>Cannot stop session %1: %2</source>
        <translation>无法停止会话 %1：%2</translation>
    </message>
</context>
<context>
    <name>SettingValueDelegate</name>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>https://…, http://… or file:///…</source>
        <translation>https://…、http://… 或 file:///…</translation>
    </message>
    <message>
        <source>comma-separated paths inside the project, or none</source>
        <translation>项目内以逗号分隔的路径，或 none</translation>
    </message>
</context>
<context>
    <name>SettingsFileEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Raw text</source>
        <translation>原始文本</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Saved, but another settings file has a problem: %1</source>
        <translation>已保存，但另一个设置文件存在问题：%1</translation>
    </message>
    <message>
        <source>The file changed on disk and was reloaded.</source>
        <translation>文件已在磁盘上被更改，现已重新加载。</translation>
    </message>
    <message>
        <source>The file changed on disk. Reload it and discard your edits?</source>
        <translation>文件已在磁盘上被更改。要重新加载并放弃您的修改吗？</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Keep My Edits</source>
        <translation>保留我的修改</translation>
    </message>
</context>
<context>
    <name>SettingsKeyModel</name>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>
Default: %1</source>
        <translation>
默认值：%1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value in this file</source>
        <translation>此文件中的值</translation>
    </message>
    <message>
        <source>Effective value</source>
        <translation>生效值</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>global file, line %1</source>
        <translation>全局文件，第 %1 行</translation>
    </message>
    <message>
        <source>project file, line %1</source>
        <translation>项目文件，第 %1 行</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Global — every project</source>
        <translation>全局 — 所有项目</translation>
    </message>
    <message>
        <source>Project — %1</source>
        <translation>项目 — %1</translation>
    </message>
    <message>
        <source>Settings &amp;file:</source>
        <translation>设置文件(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>TerminalFindBar</name>
    <message>
        <source>Find in terminal</source>
        <translation>在终端中查找</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+Enter)</source>
        <translation>查找上一个匹配项（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Find the next match (Enter)</source>
        <translation>查找下一个匹配项（Enter）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>TerminalWidget</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>The program was killed by %1.</source>
        <translation>程序被 %1 终止。</translation>
    </message>
    <message>
        <source>The program exited with code %1.</source>
        <translation>程序已退出，退出码为 %1。</translation>
    </message>
</context>
<context>
    <name>TrayMonitor</name>
    <message>
        <source>No sessions</source>
        <translation>没有会话</translation>
    </message>
    <message>
        <source>New Session…</source>
        <translation>新建会话…</translation>
    </message>
    <message>
        <source>Cleanup…</source>
        <translation>清理…</translation>
    </message>
    <message>
        <source>Show Window</source>
        <translation>显示窗口</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Quit Scorpiox Desktop</source>
        <translation>退出 Scorpiox Desktop</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) still running will be stopped.</source>
        <translation>
            <numerusform>仍在运行的 %n 个会话将被停止。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop Sessions and Quit</source>
        <translation>停止会话并退出</translation>
    </message>
</context>
<context>
    <name>TrayStatus</name>
    <message>
        <source>%1 exited</source>
        <translation>%1 已退出</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 失败</translation>
    </message>
    <message numerus="yes">
        <source>Scorpiox Desktop: %n session(s) running</source>
        <translation>
            <numerusform>Scorpiox Desktop：%n 个会话正在运行</numerusform>
        </translation>
    </message>
    <message>
        <source>new session</source>
        <translation>新会话</translation>
    </message>
    <message>
        <source>on the host</source>
        <translation>在主机上</translation>
    </message>
</context>
</TS>
